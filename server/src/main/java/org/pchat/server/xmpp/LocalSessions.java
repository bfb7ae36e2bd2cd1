package org.pchat.server.xmpp;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** The bound sessions of this node by bare JID, for stanzas addressed to local users (invitations, messages). */
final class LocalSessions {

    private final Map<Jid, Set<XmppSession>> byBareJid = new ConcurrentHashMap<>();

    void bound(XmppSession session) {
        byBareJid.computeIfAbsent(session.jid().bare(), j -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void closed(XmppSession session) {
        if (session.jid() == null) {
            return;
        }
        byBareJid.computeIfPresent(session.jid().bare(), (j, set) -> {
            set.remove(session);
            return set.isEmpty() ? null : set;
        });
    }

    /**
     * Sends a stanza to the sessions a JID names: the one session of a full JID, or every session of a bare JID.
     *
     * @return how many sessions got it
     */
    int deliver(Jid to, Function<Jid, XmlElement> stanza) {
        Set<XmppSession> sessions = byBareJid.getOrDefault(to.bare(), Set.of());
        int sent = 0;
        for (XmppSession session : sessions) {
            if (to.resource().isEmpty() || session.jid().equals(to)) {
                session.send(stanza.apply(session.jid()));
                sent++;
            }
        }
        return sent;
    }
}
