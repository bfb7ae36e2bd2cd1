package org.pchat.server.xmpp;

/** An authenticated, bound client stream as the stanza handlers see it. */
interface XmppSession {

    /** Unique per connection on this node; in every log line. */
    String connectionId();

    /** The user's normalized SIP URI. */
    String userUri();

    /** The full JID the client bound. */
    Jid jid();

    /**
     * Queues a stanza for the client; thread-safe, never blocks.
     *
     * @return false when the session is closed or its outbound queue is full
     */
    boolean send(XmlElement stanza);

    /**
     * Queues stanzas for the client in this order, written together (one flush: a MAM page is one write, not one
     * per message); thread-safe, never blocks.
     *
     * @return false when the session is closed or its outbound queue cannot take them all (then none is queued)
     */
    default boolean sendAll(java.util.List<XmlElement> stanzas) {
        for (XmlElement stanza : stanzas) {
            if (!send(stanza)) {
                return false;
            }
        }
        return true;
    }

    /** Ends the session (idempotent, never blocks). */
    void close(String reason);
}
