package org.pchat.server.xmpp;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.pchat.server.chat.ChatErrorCode;
import org.pchat.server.chat.ChatException;
import org.pchat.server.chat.ChatResult;
import org.pchat.server.chat.ChatService;
import org.pchat.server.chat.HistoryPage;
import org.pchat.server.chat.HistoryQuery;
import org.pchat.server.chat.JoinOutcome;
import org.pchat.server.chat.Participant;
import org.pchat.server.chat.RoomEvent;
import org.pchat.server.chat.RoomListing;
import org.pchat.server.domain.ChatMessage;
import org.pchat.server.domain.Privacy;
import org.pchat.server.domain.RoomDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Multi-User Chat (XEP-0045) on {@code conference.<domain>} over the chat core: enter a room with presence (the
 * occupants, the own presence with status 110, history from the database, the subject), leave, post groupchat
 * messages, and room discovery. Every XMPP connection is one {@link Participant} of the core.
 */
final class MucService {

    private static final Logger LOG = LoggerFactory.getLogger(MucService.class);

    private final XmppEndpointConfig config;
    private final ChatService chat;
    private final MucRenderer render;
    private final Clock clock;
    private final Map<String, XmppParticipant> participants = new ConcurrentHashMap<>();

    MucService(XmppEndpointConfig config, ChatService chat, MucRenderer render, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.chat = Objects.requireNonNull(chat, "chat");
        this.render = Objects.requireNonNull(render, "render");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A presence addressed to a room occupant JID: enter (no type) or leave (unavailable). */
    void presence(XmppSession session, XmlElement presence, Jid to) {
        String type = presence.attribute("type").orElse("");
        if (to.local().isEmpty()) {
            return;
        }
        if (type.isEmpty()) {
            if (to.resource().isEmpty()) {
                session.send(Stanzas.error(presence, "modify", "jid-malformed", to.toString(),
                        session.jid().toString()));
                return;
            }
            enter(session, presence, to);
        } else if (type.equals("unavailable")) {
            leave(session, presence, to);
        }
    }

    /** A message addressed to a room: groupchat posts, anything else is refused. */
    void message(XmppSession session, XmlElement message, Jid to) {
        String type = message.attribute("type").orElse("normal");
        Optional<String> body = message.child("body", Namespaces.CLIENT).map(XmlElement::text);
        if (!type.equals("groupchat") || !to.resource().isEmpty()) {
            session.send(Stanzas.error(message, "cancel", "feature-not-implemented", to.toString(),
                    session.jid().toString()));
            return;
        }
        if (body.isEmpty()) {
            return;
        }
        XmppParticipant author = participant(session);
        Optional<String> clientId = message.attribute("id");
        resolve(session, to, message, room -> chat.post(author, room.room().id(), body.get(), false,
                clock.instant(), result -> {
                    if (result instanceof ChatResult.Ok<ChatMessage> ok && clientId.isPresent()) {
                        // runs on the room lane before the fan-out: the echo to the author will find it
                        author.echoIds.put(ok.value().id(), clientId.get());
                    } else if (result instanceof ChatResult.Failed<ChatMessage> failed) {
                        LOG.info("{} - post of {} to {} refused: {}", session.connectionId(), session.jid(), to,
                                failed.error().getMessage());
                        session.send(Stanzas.error(message, "modify", condition(failed.error(), "not-acceptable"),
                                to.toString(), session.jid().toString()));
                    }
                }));
    }

    /** disco#items of the MUC service: the rooms the user can see (secret rooms only for their members). */
    void rooms(XmppSession session, Consumer<List<RoomListing>> callback, Runnable failed) {
        chat.search(session.userUri(), "", result -> {
            if (result instanceof ChatResult.Ok<List<RoomListing>> ok) {
                callback.accept(ok.value());
            } else {
                failed.run();
            }
        });
    }

    /** The room a room JID names, when the user can see it. */
    void room(XmppSession session, Jid roomJid, Consumer<Optional<RoomDetails>> callback) {
        String name = RoomJids.roomName(roomJid.local());
        chat.search(session.userUri(), name, result -> {
            Optional<RoomDetails> room = Optional.empty();
            if (result instanceof ChatResult.Ok<List<RoomListing>> ok) {
                room = ok.value().stream().map(RoomListing::room)
                        .filter(r -> r.room().name().toLowerCase(Locale.ROOT).equals(name))
                        .findFirst();
            }
            callback.accept(room);
        });
    }

    /**
     * The disco#info features of a room (XEP-0045 §6.4): privacy open → public + open, closed → public +
     * members-only, secret → hidden + members-only.
     */
    static List<String> features(Privacy privacy) {
        return switch (privacy) {
            case OPEN -> List.of(Namespaces.MUC, "muc_public", "muc_open", "muc_persistent", "muc_nonanonymous",
                    "muc_unmoderated", Namespaces.STANZA_ID, Namespaces.MAM);
            case CLOSED -> List.of(Namespaces.MUC, "muc_public", "muc_membersonly", "muc_persistent",
                    "muc_nonanonymous", "muc_unmoderated", Namespaces.STANZA_ID, Namespaces.MAM);
            case SECRET -> List.of(Namespaces.MUC, "muc_hidden", "muc_membersonly", "muc_persistent",
                    "muc_nonanonymous", "muc_unmoderated", Namespaces.STANZA_ID, Namespaces.MAM);
        };
    }

    /** The stream ended: leave every room. */
    void closed(XmppSession session) {
        XmppParticipant gone = participants.remove(session.connectionId());
        if (gone != null) {
            chat.leaveAll(gone, "XMPP stream of " + session.jid() + " closed");
        }
    }

    private void enter(XmppSession session, XmlElement presence, Jid to) {
        int history = requestedHistory(presence);
        resolve(session, to, presence, room -> chat.join(participant(session), room.room().id(), false, result -> {
            if (result instanceof ChatResult.Failed<JoinOutcome> failed) {
                LOG.info("{} - {} may not enter {}: {}", session.connectionId(), session.jid(), to,
                        failed.error().getMessage());
                session.send(Stanzas.error(presence, failed.error().code() == ChatErrorCode.FORBIDDEN ? "auth"
                                : "cancel", condition(failed.error(), "registration-required"),
                        to.toString(), session.jid().toString()));
                return;
            }
            JoinOutcome joined = result.value();
            String name = joined.room().room().name();
            for (JoinOutcome.ParticipantInfo other : joined.participants()) {
                if (!other.userUri().equals(session.userUri())) {
                    session.send(render.occupant(name, other.userUri(), other.roles(), session.jid(), true, false));
                }
            }
            session.send(render.occupant(name, session.userUri(), joined.roles(), session.jid(), true, true));
            LOG.info("{} - {} entered {} ({} occupants)", session.connectionId(), session.jid(), to,
                    joined.participants().size());
            sendHistory(session, joined.room(), history);
        }));
    }

    private void sendHistory(XmppSession session, RoomDetails room, int count) {
        String name = room.room().name();
        if (count == 0) {
            session.send(render.subject(name, room.room().topic(), session.jid()));
            return;
        }
        chat.history(session.userUri(), room.room().id(), new HistoryQuery.Last(count), result -> {
            if (result instanceof ChatResult.Ok<HistoryPage> ok) {
                for (ChatMessage message : ok.value().messages()) {
                    session.send(render.message(name, message, session.jid(), true));
                }
            } else {
                LOG.warn("{} - history of {} for {} unavailable", session.connectionId(), name, session.jid());
            }
            session.send(render.subject(name, room.room().topic(), session.jid()));
        });
    }

    private void leave(XmppSession session, XmlElement presence, Jid to) {
        resolve(session, to, presence, room -> chat.part(participant(session), room.room().id(), result -> {
            if (result.isOk()) {
                session.send(render.occupant(room.room().name(), session.userUri(), Set.of(),
                        session.jid(), false, true));
            }
        }));
    }

    private void resolve(XmppSession session, Jid to, XmlElement request, Consumer<RoomDetails> then) {
        room(session, to.bare(), room -> {
            if (room.isEmpty()) {
                session.send(Stanzas.error(request, "cancel", "item-not-found", to.toString(),
                        session.jid().toString()));
                return;
            }
            then.accept(room.get());
        });
    }

    private int requestedHistory(XmlElement presence) {
        Optional<XmlElement> history = presence.child("x", Namespaces.MUC)
                .flatMap(x -> x.child("history", Namespaces.MUC));
        if (history.isEmpty()) {
            return config.historyOnJoin();
        }
        if (history.get().attribute("maxchars").filter("0"::equals).isPresent()) {
            return 0;
        }
        try {
            return history.get().attribute("maxstanzas").map(Integer::parseInt)
                    .map(n -> Math.max(0, Math.min(n, config.maxHistory())))
                    .orElse(config.historyOnJoin());
        } catch (NumberFormatException e) {
            LOG.debug("history maxstanzas not a number, using the default: {}", e.getMessage());
            return config.historyOnJoin();
        }
    }

    private static String condition(ChatException error, String forbiddenCondition) {
        return switch (error.code()) {
            case FORBIDDEN -> forbiddenCondition;
            case NOT_FOUND -> "item-not-found";
            case BAD_REQUEST, TOO_LARGE -> "not-acceptable";
            case CONFLICT -> "conflict";
            case BUSY -> "resource-constraint";
            case NOT_IMPLEMENTED -> "feature-not-implemented";
            case INTERNAL -> "internal-server-error";
        };
    }

    private XmppParticipant participant(XmppSession session) {
        return participants.computeIfAbsent(session.connectionId(), id -> new XmppParticipant(session, render));
    }

    /** One XMPP connection as a participant of the chat core. */
    private static final class XmppParticipant implements Participant {
        private final XmppSession session;
        private final MucRenderer render;
        /** Message id → the id the author's client gave its post, until the echo is rendered. */
        private final Map<Long, String> echoIds = new ConcurrentHashMap<>();

        XmppParticipant(XmppSession session, MucRenderer render) {
            this.session = session;
            this.render = render;
        }

        @Override
        public String id() {
            return "xmpp-" + session.connectionId();
        }

        @Override
        public String userUri() {
            return session.userUri();
        }

        @Override
        public boolean deliver(RoomEvent event) {
            String room = event.room().name();
            return session.send(event.accept(new RoomEvent.Visitor<XmlElement>() {
                @Override
                public XmlElement posted(RoomEvent.Posted posted) {
                    String echoId = echoIds.remove(posted.message().id());
                    return echoId == null ? render.message(room, posted.message(), session.jid(), false)
                            : render.message(room, posted.message(), session.jid(), false, echoId);
                }

                @Override
                public XmlElement joined(RoomEvent.Joined joined) {
                    return render.occupant(room, joined.userUri(), joined.roles(), session.jid(), true, false);
                }

                @Override
                public XmlElement parted(RoomEvent.Parted parted) {
                    return render.occupant(room, parted.userUri(), Set.of(), session.jid(), false,
                            false);
                }
            }));
        }

        @Override
        public void disconnect(String reason) {
            session.close(reason);
        }
    }
}
