package org.pchat.server.xmpp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pchat.server.chat.RoomListing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the stanzas of bound sessions: iq to the server (ping XEP-0199, disco XEP-0030, an empty roster,
 * session), to the MUC service and to rooms (disco, MAM XEP-0313); presence and messages for
 * {@code conference.<domain>} to {@link MucService}. Anything else addressed elsewhere gets service-unavailable
 * (RFC 6120 §8.3.3.19).
 */
final class StanzaRouter {

    private static final Logger LOG = LoggerFactory.getLogger(StanzaRouter.class);

    private final XmppEndpointConfig config;
    private final MucService muc;
    private final MucAdmin admin;
    private final MamService mam;
    private final MucRenderer render;
    private final LocalSessions sessions;
    private final UserArchive archive;

    StanzaRouter(XmppEndpointConfig config, MucService muc, MucAdmin admin, MamService mam, MucRenderer render,
                 LocalSessions sessions, UserArchive archive) {
        this.config = Objects.requireNonNull(config, "config");
        this.muc = Objects.requireNonNull(muc, "muc");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.mam = Objects.requireNonNull(mam, "mam");
        this.render = Objects.requireNonNull(render, "render");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.archive = Objects.requireNonNull(archive, "archive");
    }

    /** A session bound its resource: stanzas to its JID reach it. */
    void bound(XmppSession session) {
        sessions.bound(session);
    }

    void iq(XmppSession session, XmlElement iq) {
        String type = iq.attribute("type").orElse("");
        if (type.equals("result") || type.equals("error")) {
            return;
        }
        Optional<Jid> to = iq.attribute("to").map(Jid::parse).orElse(Optional.of(session.jid().bare()));
        List<XmlElement> payload = iq.elements();
        if (to.isEmpty() || payload.size() != 1 || !(type.equals("get") || type.equals("set"))) {
            session.send(Stanzas.error(iq, "modify", "bad-request", iq.attribute("to").orElse(null),
                    session.jid().toString()));
            return;
        }
        Jid target = to.get();
        XmlElement query = payload.get(0);
        String key = type + " " + query.namespace();
        if (target.domain().equals(config.domain())
                && (target.local().isEmpty() || target.bare().equals(session.jid().bare()))) {
            server(session, iq, key, target);
        } else if (target.domain().equals(config.mucDomain()) && target.local().isEmpty()) {
            mucService(session, iq, key, target);
        } else if (target.domain().equals(config.mucDomain()) && target.resource().isEmpty()) {
            room(session, iq, key, target);
        } else if (target.domain().equals(config.mucDomain())) {
            admin.occupantIq(session, iq, target);
        } else {
            unavailable(session, iq, target);
        }
    }

    void presence(XmppSession session, XmlElement presence) {
        Optional<Jid> to = presence.attribute("to").flatMap(Jid::parse);
        if (to.isPresent() && to.get().domain().equals(config.mucDomain())) {
            muc.presence(session, presence, to.get());
        }
        // presence broadcast to contacts (RFC 6121 §4.2) needs a roster; this endpoint has none yet
    }

    void message(XmppSession session, XmlElement message) {
        Optional<Jid> to = message.attribute("to").flatMap(Jid::parse);
        if (to.isPresent() && to.get().domain().equals(config.mucDomain())) {
            muc.message(session, message, to.get());
        } else if (to.isPresent() && to.get().domain().equals(config.domain()) && !to.get().local().isEmpty()) {
            direct(session, message, to.get());
        } else {
            unavailable(session, message, to.orElse(null));
        }
    }

    void closed(XmppSession session) {
        sessions.closed(session);
        muc.closed(session);
    }

    /** RFC 6121 §8.5: a message to a local user reaches its sessions (the named one, or all for a bare JID). */
    private void direct(XmppSession session, XmlElement message, Jid to) {
        XmlElement.Builder copy = XmlElement.builder("message", Namespaces.CLIENT);
        message.attributes().forEach(copy::attr);
        copy.attr("from", session.jid().toString());
        message.children().forEach(copy::child);
        XmlElement stanza = copy.build();
        int delivered = sessions.deliver(to, target -> stanza);
        if (message.attribute("type").filter(t -> t.equals("groupchat") || t.equals("error")).isEmpty()) {
            archive.archive(session.jid(), to, stanza);
        }
        if (delivered == 0 && !message.attribute("type").orElse("normal").equals("error")) {
            LOG.debug("{} - no session of {} for a message from {}", session.connectionId(), to, session.jid());
            unavailable(session, message, to);
        }
    }

    private void server(XmppSession session, XmlElement iq, String key, Jid target) {
        String from = target.toString();
        switch (key) {
            case "get " + Namespaces.PING, "set " + Namespaces.SESSION -> session.send(Stanzas.iqResult(iq, from,
                    null));
            case "get " + Namespaces.ROSTER -> session.send(Stanzas.iqResult(iq, null,
                    XmlElement.of("query", Namespaces.ROSTER)));
            case "get " + Namespaces.DISCO_INFO -> session.send(Stanzas.iqResult(iq, from, target.local().isEmpty()
                    ? info("server", "im", config.domain(), List.of(Namespaces.DISCO_INFO, Namespaces.DISCO_ITEMS,
                    Namespaces.PING, Namespaces.MAM))
                    : info("account", "registered", target.toString(), List.of(Namespaces.DISCO_INFO,
                    Namespaces.MAM))));
            case "set " + Namespaces.MAM -> {
                XmlElement request = iq.elements().get(0);
                if (request.name().equals("query")) {
                    archive.query(session, iq, request);
                } else {
                    session.send(Stanzas.error(iq, "cancel", "feature-not-implemented", null,
                            session.jid().toString()));
                }
            }
            case "get " + Namespaces.MAM -> session.send(Stanzas.error(iq, "cancel", "feature-not-implemented",
                    null, session.jid().toString()));
            case "get " + Namespaces.DISCO_ITEMS -> session.send(Stanzas.iqResult(iq, from,
                    XmlElement.builder("query", Namespaces.DISCO_ITEMS)
                            .child(XmlElement.builder("item", Namespaces.DISCO_ITEMS)
                                    .attr("jid", config.mucDomain()).attr("name", "Chat rooms").build())
                            .build()));
            default -> unavailable(session, iq, target);
        }
    }

    private void mucService(XmppSession session, XmlElement iq, String key, Jid target) {
        String from = target.toString();
        switch (key) {
            case "get " + Namespaces.PING -> session.send(Stanzas.iqResult(iq, from, null));
            case "get " + Namespaces.DISCO_INFO -> session.send(Stanzas.iqResult(iq, from, info("conference",
                    "text", "Chat rooms", List.of(Namespaces.DISCO_INFO, Namespaces.DISCO_ITEMS, Namespaces.MUC,
                            Namespaces.STANZA_ID))));
            case "get " + Namespaces.DISCO_ITEMS -> muc.rooms(session, rooms -> session.send(
                    Stanzas.iqResult(iq, from, items(rooms))), () -> session.send(Stanzas.error(iq, "wait",
                    "resource-constraint", from, session.jid().toString())));
            default -> unavailable(session, iq, target);
        }
    }

    private void room(XmppSession session, XmlElement iq, String key, Jid target) {
        if (key.equals("set " + Namespaces.MAM)) {
            mam.query(session, iq, iq.elements().get(0), target);
            return;
        }
        if (!admin.iq(session, iq, key, target)) {
            unavailable(session, iq, target);
        }
    }

    private XmlElement items(List<RoomListing> rooms) {
        XmlElement.Builder query = XmlElement.builder("query", Namespaces.DISCO_ITEMS);
        for (RoomListing listing : rooms) {
            String name = listing.room().room().name();
            query.child(XmlElement.builder("item", Namespaces.DISCO_ITEMS)
                    .attr("jid", render.roomJid(name).toString()).attr("name", name).build());
        }
        return query.build();
    }

    private static XmlElement info(String category, String type, String name, List<String> features) {
        XmlElement.Builder query = XmlElement.builder("query", Namespaces.DISCO_INFO)
                .child(XmlElement.builder("identity", Namespaces.DISCO_INFO)
                        .attr("category", category).attr("type", type).attr("name", name).build());
        for (String feature : features) {
            query.child(XmlElement.builder("feature", Namespaces.DISCO_INFO).attr("var", feature).build());
        }
        return query.build();
    }

    private void unavailable(XmppSession session, XmlElement stanza, Jid target) {
        LOG.debug("{} - no service for <{}> from {} to {}", session.connectionId(), stanza.name(), session.jid(),
                target);
        session.send(Stanzas.error(stanza, "cancel", "service-unavailable", target == null ? null
                : target.toString(), session.jid().toString()));
    }
}
