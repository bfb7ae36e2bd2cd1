package org.pchat.server.xmpp;

/** XML namespaces of the protocols this endpoint speaks. */
final class Namespaces {
    static final String CLIENT = "jabber:client";
    static final String STREAMS = "http://etherx.jabber.org/streams";
    static final String STREAM_ERRORS = "urn:ietf:params:xml:ns:xmpp-streams";
    static final String STANZA_ERRORS = "urn:ietf:params:xml:ns:xmpp-stanzas";
    static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";
    static final String TLS = "urn:ietf:params:xml:ns:xmpp-tls";
    static final String BIND = "urn:ietf:params:xml:ns:xmpp-bind";
    static final String SESSION = "urn:ietf:params:xml:ns:xmpp-session";
    static final String PING = "urn:xmpp:ping";
    static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";
    static final String DISCO_ITEMS = "http://jabber.org/protocol/disco#items";
    static final String ROSTER = "jabber:iq:roster";
    static final String MUC = "http://jabber.org/protocol/muc";
    static final String MUC_USER = "http://jabber.org/protocol/muc#user";
    static final String MUC_OWNER = "http://jabber.org/protocol/muc#owner";
    static final String MUC_ADMIN = "http://jabber.org/protocol/muc#admin";
    static final String DATA = "jabber:x:data";
    static final String DELAY = "urn:xmpp:delay";
    static final String STANZA_ID = "urn:xmpp:sid:0";
    static final String MAM = "urn:xmpp:mam:2";
    static final String RSM = "http://jabber.org/protocol/rsm";
    static final String FORWARD = "urn:xmpp:forward:0";

    private Namespaces() {
    }
}
