package org.pchat.server.xmpp;

import java.time.Clock;
import java.util.ArrayList;
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
import org.pchat.server.chat.Occupant;
import org.pchat.server.chat.Participant;
import org.pchat.server.chat.RoomEvent;
import org.pchat.server.chat.RoomListing;
import org.pchat.server.domain.ChatMessage;
import org.pchat.server.domain.Privacy;
import org.pchat.server.domain.RoomDetails;
import org.pchat.server.rooms.RoomSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Multi-User Chat (XEP-0045) on {@code conference.<domain>} over the chat core: enter a room with presence (the
 * occupants, the own presence with status 110, history from the database, the subject), create a room that does
 * not exist yet (§10.1, locked until configured), change nickname (§7.6) and presence (§7.7), leave, post
 * groupchat messages, change the subject (§8.1), private messages (§7.5) and mediated invitations (§7.8). Every
 * XMPP connection is one {@link Participant} of the core; owner and admin work is in {@link MucAdmin}.
 */
final class MucService {

    private static final Logger LOG = LoggerFactory.getLogger(MucService.class);
    private static final int POST_NICKS = 1_000;

    private final XmppEndpointConfig config;
    private final ChatService chat;
    private final MucDirectory directory;
    private final MucRenderer render;
    private final MucPresence presence;
    private final LocalSessions sessions;
    private final Clock clock;
    private final Map<String, XmppParticipant> participants = new ConcurrentHashMap<>();
    private final Map<String, MucRoom> rooms = new ConcurrentHashMap<>();

    MucService(XmppEndpointConfig config, ChatService chat, MucDirectory directory, MucRenderer render,
               LocalSessions sessions, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.chat = Objects.requireNonNull(chat, "chat");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.render = Objects.requireNonNull(render, "render");
        this.presence = new MucPresence(render);
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    MucPresence presences() {
        return presence;
    }

    ChatService chat() {
        return chat;
    }

    /** The room state of a room JID when this node holds one (someone entered or created it over XMPP). */
    Optional<MucRoom> state(Jid roomJid) {
        return Optional.ofNullable(rooms.get(RoomJids.roomName(roomJid.local())));
    }

    /** Forgets a destroyed room. */
    void forget(MucRoom room) {
        rooms.remove(room.name().toLowerCase(Locale.ROOT), room);
    }

    /** A presence addressed to a room occupant JID: enter, change nickname or presence, or leave. */
    void presence(XmppSession session, XmlElement stanza, Jid to) {
        String type = stanza.attribute("type").orElse("");
        if (to.local().isEmpty()) {
            return;
        }
        if (type.isEmpty()) {
            if (to.resource().isEmpty() || to.resource().isBlank()) {
                session.send(Stanzas.error(stanza, "modify", "jid-malformed", to.toString(),
                        session.jid().toString()));
                return;
            }
            Optional<MucRoom> room = state(to);
            if (room.isPresent()) {
                synchronized (room.get()) {
                    Optional<MucOccupant> me = room.get().occupantOf(session);
                    if (me.isPresent()) {
                        update(session, stanza, to, room.get(), me.get());
                        return;
                    }
                }
            }
            enter(session, stanza, to);
        } else if (type.equals("unavailable")) {
            leave(session, to);
        }
    }

    /** A message addressed to a room or an occupant. */
    void message(XmppSession session, XmlElement message, Jid to) {
        String type = message.attribute("type").orElse("normal");
        if (type.equals("error")) {
            return;
        }
        Optional<MucRoom> room = state(to);
        if (!to.resource().isEmpty()) {
            privateMessage(session, message, to, room);
            return;
        }
        Optional<XmlElement> invite = message.child("x", Namespaces.MUC_USER)
                .flatMap(x -> x.child("invite", Namespaces.MUC_USER));
        if (invite.isPresent() && room.isPresent()) {
            invite(session, message, to, room.get(), invite.get());
            return;
        }
        if (!type.equals("groupchat")) {
            session.send(Stanzas.error(message, "modify", "bad-request", to.toString(), session.jid().toString()));
            return;
        }
        MucOccupant author = room.flatMap(r -> {
            synchronized (r) {
                return r.occupantOf(session);
            }
        }).orElse(null);
        if (author == null) {
            session.send(Stanzas.error(message, "modify", "not-acceptable", to.toString(),
                    session.jid().toString()));
            return;
        }
        Optional<String> body = message.child("body", Namespaces.CLIENT).map(XmlElement::text);
        Optional<String> subject = message.child("subject", Namespaces.CLIENT).map(XmlElement::text);
        if (body.isEmpty() && subject.isPresent()) {
            changeSubject(session, message, to, room.get(), author, subject.get());
            return;
        }
        if (body.isEmpty()) {
            return;
        }
        MucRoom state = room.get();
        synchronized (state) {
            if (author.role() == MucRole.VISITOR) {
                session.send(Stanzas.error(message, "auth", "forbidden", to.toString(), session.jid().toString()));
                return;
            }
        }
        XmppParticipant participant = participant(session);
        Optional<String> clientId = message.attribute("id");
        chat.post(participant, state.id(), body.get(), false, clock.instant(), result -> {
            if (result instanceof ChatResult.Ok<ChatMessage> ok) {
                // runs on the room lane before the fan-out: the rendering of the fan-out finds both
                synchronized (state) {
                    state.postNicks().put(ok.value().id(), author.nick());
                    while (state.postNicks().size() > POST_NICKS) {
                        state.postNicks().remove(state.postNicks().keySet().iterator().next());
                    }
                }
                clientId.ifPresent(id -> participant.echoIds.put(ok.value().id(), id));
            } else if (result instanceof ChatResult.Failed<ChatMessage> failed) {
                LOG.info("{} - post of {} to {} refused: {}", session.connectionId(), session.jid(), to,
                        failed.error().getMessage());
                boolean forbidden = failed.error().code() == ChatErrorCode.FORBIDDEN;
                session.send(Stanzas.error(message, forbidden ? "auth" : "modify",
                        condition(failed.error(), "forbidden"), to.toString(), session.jid().toString()));
            }
        });
    }

    /** disco#items of the MUC service: the rooms the user can see (secret rooms only for their members). */
    void rooms(XmppSession session, Consumer<List<RoomListing>> callback, Runnable failed) {
        chat.search(session.userUri(), "", result -> {
            if (result instanceof ChatResult.Ok<List<RoomListing>> ok) {
                callback.accept(ok.value().stream().filter(l -> !locked(l.room())).toList());
            } else {
                failed.run();
            }
        });
    }

    /** The room a room JID names, when the user can see it. */
    void room(XmppSession session, Jid roomJid, Consumer<Optional<RoomDetails>> callback) {
        String name = RoomJids.roomName(roomJid.local());
        chat.findRoom(session.userUri(), name, result -> callback.accept(
                result instanceof ChatResult.Ok<Optional<RoomListing>> ok ? ok.value().map(RoomListing::room)
                        : Optional.empty()));
    }

    /** The stream ended: leave every room. */
    void closed(XmppSession session) {
        XmppParticipant gone = participants.remove(session.connectionId());
        for (MucRoom room : rooms.values()) {
            synchronized (room) {
                room.occupantOf(session).ifPresent(o -> {
                    room.remove(o);
                    presence.broadcast(room, o, false, List.of(), List.of(), null);
                });
            }
        }
        if (gone != null) {
            chat.leaveAll(gone, "XMPP stream of " + session.jid() + " closed");
        }
    }

    /** Removes an occupant on a moderator's or owner's decision (kick, ban, membership loss, destruction). */
    void remove(MucRoom room, MucOccupant occupant, List<String> codes, List<XmlElement> extra) {
        synchronized (room) {
            presence.broadcast(room, occupant, false, codes, extra, null);
            room.remove(occupant);
        }
        chat.part(occupant.participant(), room.id(), result -> { });
    }

    private boolean locked(RoomDetails details) {
        MucRoom room = rooms.get(details.room().name().toLowerCase(Locale.ROOT));
        if (room == null) {
            return false;
        }
        synchronized (room) {
            return room.locked();
        }
    }

    private void enter(XmppSession session, XmlElement stanza, Jid to) {
        room(session, to.bare(), found -> {
            if (found.isPresent()) {
                join(session, stanza, to, found.get(), false);
            } else {
                create(session, stanza, to);
            }
        });
    }

    /** XEP-0045 §10.1: a room that does not exist is created in the configured category, locked. */
    private void create(XmppSession session, XmlElement stanza, Jid to) {
        Optional<String> category = config.roomCategory();
        if (category.isEmpty()) {
            session.send(Stanzas.error(stanza, "cancel", "item-not-found", to.toString(), session.jid().toString()));
            return;
        }
        String name = RoomJids.roomName(to.local());
        String user = session.userUri();
        directory.run("creation of room '" + name + "' by " + user, () -> {
            var rights = directory.directory().findUser(user)
                    .orElseThrow(() -> org.pchat.server.domain.DirectoryException.forbidden("unknown user " + user));
            var target = directory.directory().listCategories().stream()
                    .filter(c -> c.name().equalsIgnoreCase(category.get())).findFirst()
                    .orElseThrow(() -> org.pchat.server.domain.DirectoryException.notFound("unknown category '"
                            + category.get() + "' (xmpp.room-category)"));
            if (!org.pchat.server.rooms.AccessPolicy.canCreateIn(rights, target)) {
                throw org.pchat.server.domain.DirectoryException.forbidden(user + " may not create rooms in category '"
                        + target.name() + "'");
            }
            return directory.directory().newRoom(RoomSpec.of(name, target.name()).withPrivacy(Privacy.OPEN)
                    .withMembers(Set.of(user)).withManagers(Set.of(user)).withPresenters(Set.of(user)));
        }, result -> {
            if (result instanceof ChatResult.Failed<RoomDetails> failed) {
                String condition = switch (failed.error().code()) {
                    case FORBIDDEN -> "not-allowed";
                    case BUSY -> "resource-constraint";
                    case CONFLICT, NOT_FOUND -> "item-not-found";
                    default -> "not-acceptable";
                };
                session.send(Stanzas.error(stanza, condition.equals("resource-constraint") ? "wait" : "cancel",
                        condition, to.toString(), session.jid().toString()));
                return;
            }
            RoomDetails created = result.value();
            MucRoom room = new MucRoom(created);
            room.locked(true);
            rooms.put(created.room().name().toLowerCase(Locale.ROOT), room);
            LOG.info("{} - {} created room {} (locked until configured)", session.connectionId(), session.jid(),
                    to.bare());
            join(session, stanza, to, created, true);
        });
    }

    private void join(XmppSession session, XmlElement stanza, Jid to, RoomDetails details, boolean created) {
        MucRoom room = rooms.computeIfAbsent(details.room().name().toLowerCase(Locale.ROOT),
                n -> new MucRoom(details));
        String user = session.userUri();
        String nick = to.resource();
        Optional<XmlElement> x = stanza.child("x", Namespaces.MUC);
        synchronized (room) {
            room.details(details);
            MucAffiliation affiliation = room.affiliation(user);
            String refusal = null;
            String type = "cancel";
            if (room.locked() && affiliation != MucAffiliation.OWNER) {
                refusal = "item-not-found";
            } else if (affiliation == MucAffiliation.OUTCAST) {
                refusal = "forbidden";
                type = "auth";
            } else if (room.occupant(nick).isPresent()) {
                refusal = "conflict";
            } else if (!room.password().isEmpty() && !x.flatMap(e -> e.child("password", Namespaces.MUC))
                    .map(XmlElement::text).filter(room.password()::equals).isPresent()) {
                refusal = "not-authorized";
                type = "auth";
            } else if (room.maxUsers() > 0 && room.size() >= room.maxUsers()
                    && !affiliation.atLeast(MucAffiliation.ADMIN)) {
                refusal = "service-unavailable";
                type = "wait";
            }
            if (refusal != null) {
                LOG.info("{} - {} may not enter {}: {}", session.connectionId(), session.jid(), to, refusal);
                if ("service-unavailable".equals(refusal)) {
                    // XEP-0045 §7.2.9, room full: first a definite "you hold no occupant JID here" (unavailable,
                    // role none, no 110), then the error; a client watching presence from the occupant JID it
                    // asked for sees the outcome before its join call fails.
                    session.send(render.presence(room.name(), nick, session.jid(), false, List.of(),
                            MucRenderer.item(affiliation, MucRole.NONE, null, null), List.of(), List.of()));
                }
                session.send(Stanzas.error(stanza, type, refusal, to.toString(), session.jid().toString()));
                return;
            }
        }
        int requestedHistory = requestedHistory(stanza);
        XmppParticipant participant = participant(session);
        List<XmlElement> payload = payload(stanza);
        chat.join(participant, details.room().id(), false, result -> {
            if (result instanceof ChatResult.Failed<JoinOutcome> failed) {
                LOG.info("{} - {} may not enter {}: {}", session.connectionId(), session.jid(), to,
                        failed.error().getMessage());
                session.send(Stanzas.error(stanza, failed.error().code() == ChatErrorCode.FORBIDDEN ? "auth"
                        : "cancel", condition(failed.error(), "registration-required"), to.toString(),
                        session.jid().toString()));
                return;
            }
            JoinOutcome joined = result.value();
            Runnable history;
            synchronized (room) {
                room.details(joined.room());
                if (room.occupant(nick).isPresent()) {
                    session.send(Stanzas.error(stanza, "cancel", "conflict", to.toString(),
                            session.jid().toString()));
                    return;
                }
                // the history read is queued on the room's lane before the client can see its own presence: a post
                // it (or anyone) makes after that comes after the read on the lane, so it arrives live, not twice
                // a room this join created has no history: its subject goes out right after the own presence, not
                // behind a read that could land after the client went on (a late subject reaches listeners the
                // client registered once it had joined)
                history = queueHistory(session, room, joined.room(), created ? 0 : requestedHistory);
                MucOccupant me = new MucOccupant(session, participant, nick, room.defaultRole(user), payload);
                for (MucOccupant other : room.occupants()) {
                    session.send(presence.of(room, other, me, true, List.of(), List.of(), null));
                }
                for (JoinOutcome.ParticipantInfo other : joined.participants()) {
                    if (room.occupantsOf(other.userUri()).isEmpty() && isSip(room, other.userUri())) {
                        session.send(render.occupant(room.name(), other.userUri(), other.roles(), session.jid(),
                                true, room.moderated()));
                    }
                }
                room.add(me);
                for (MucOccupant other : room.occupants()) {
                    if (other != me) {
                        other.session().send(presence.of(room, me, other, true, List.of(), List.of(), null));
                    }
                }
                List<String> codes = new ArrayList<>();
                if (room.whoisAnyone()) {
                    codes.add("100");
                }
                codes.add("170");
                if (created) {
                    codes.add("201");
                }
                session.send(presence.of(room, me, me, true, codes, List.of(), null));
            }
            LOG.info("{} - {} entered {} as {} ({} occupants)", session.connectionId(), session.jid(), to.bare(),
                    nick, joined.participants().size());
            history.run();
        });
    }

    /** Whether a user the core lists in a room is there over another protocol (not only over XMPP). */
    private boolean isSip(MucRoom room, String userUri) {
        for (Occupant occupant : chat.registry().occupants(room.id())) {
            if (occupant.userUri().equals(userUri) && !(occupant.participant() instanceof XmppParticipant)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Queues the history read (count &gt; 0) at once; returns what to do after the own presence was sent: nothing
     * then, or send the subject when no history was asked for.
     */
    private Runnable queueHistory(XmppSession session, MucRoom room, RoomDetails details, int count) {
        String name = details.room().name();
        if (count == 0) {
            return () -> session.send(render.subject(name, null, details.room().topic(), session.jid()));
        }
        chat.history(session.userUri(), details.room().id(), new HistoryQuery.Last(count), result -> {
            if (result instanceof ChatResult.Ok<HistoryPage> ok) {
                for (ChatMessage message : ok.value().messages()) {
                    String nick;
                    synchronized (room) {
                        nick = room.postNicks().getOrDefault(message.id(), render.nick(message.authorUri()));
                    }
                    session.send(render.message(name, message, session.jid(), true, "pchat-" + message.id(), nick));
                }
            } else {
                LOG.warn("{} - history of {} for {} unavailable", session.connectionId(), name, session.jid());
            }
            session.send(render.subject(name, null, details.room().topic(), session.jid()));
        });
        return () -> { };
    }

    /** Presence to the room while in it: a new nickname (§7.6) or a presence change (§7.7). */
    private void update(XmppSession session, XmlElement stanza, Jid to, MucRoom room, MucOccupant me) {
        if (to.resource().equals(me.nick())) {
            me.payload(payload(stanza));
            presence.broadcast(room, me, true, List.of(), List.of(), null);
            return;
        }
        if (room.occupant(to.resource()).isPresent()) {
            session.send(Stanzas.error(stanza, "cancel", "conflict", to.toString(), session.jid().toString()));
            return;
        }
        presence.broadcast(room, me, false, List.of("303"), List.of(), to.resource());
        room.rename(me, to.resource());
        me.payload(payload(stanza));
        presence.broadcast(room, me, true, List.of(), List.of(), null);
        LOG.info("{} - {} is now {} in {}", session.connectionId(), session.jid(), to.resource(), to.bare());
    }

    private void leave(XmppSession session, Jid to) {
        Optional<MucRoom> room = state(to);
        if (room.isEmpty()) {
            return;
        }
        MucOccupant me;
        synchronized (room.get()) {
            me = room.get().occupantOf(session).orElse(null);
            if (me == null) {
                return;
            }
            presence.broadcast(room.get(), me, false, List.of(), List.of(), null);
            room.get().remove(me);
        }
        chat.part(me.participant(), room.get().id(), result -> { });
    }

    private void changeSubject(XmppSession session, XmlElement message, Jid to, MucRoom room, MucOccupant author,
                               String subject) {
        synchronized (room) {
            boolean allowed = author.role() == MucRole.MODERATOR
                    || (room.occupantsChangeSubject() && author.role() == MucRole.PARTICIPANT);
            if (!allowed) {
                session.send(Stanzas.error(message, "auth", "forbidden", to.toString(), session.jid().toString()));
                return;
            }
        }
        directory.run("subject of " + to.bare(), () -> directory.directory().setRoom(room.id(),
                org.pchat.server.rooms.RoomChange.none().withTopic(subject)), result -> {
            if (result instanceof ChatResult.Failed<RoomDetails> failed) {
                session.send(Stanzas.error(message, "modify", condition(failed.error(), "forbidden"),
                        to.toString(), session.jid().toString()));
                return;
            }
            synchronized (room) {
                room.details(result.value());
                for (MucOccupant recipient : room.occupants()) {
                    recipient.session().send(render.subject(room.name(), author.nick(), subject, recipient.jid()));
                }
            }
        });
    }

    private void privateMessage(XmppSession session, XmlElement message, Jid to, Optional<MucRoom> room) {
        if (room.isEmpty()) {
            session.send(Stanzas.error(message, "cancel", "item-not-found", to.toString(), session.jid().toString()));
            return;
        }
        synchronized (room.get()) {
            Optional<MucOccupant> from = room.get().occupantOf(session);
            Optional<MucOccupant> target = room.get().occupant(to.resource());
            if (from.isEmpty()) {
                session.send(Stanzas.error(message, "modify", "not-acceptable", to.toString(),
                        session.jid().toString()));
            } else if (target.isEmpty()) {
                session.send(Stanzas.error(message, "cancel", "item-not-found", to.toString(),
                        session.jid().toString()));
            } else if (!room.get().allowPrivateMessages()) {
                session.send(Stanzas.error(message, "cancel", "not-allowed", to.toString(),
                        session.jid().toString()));
            } else {
                XmlElement.Builder forwarded = XmlElement.builder("message", Namespaces.CLIENT)
                        .attr("from", to.bare().withResource(from.get().nick()).toString())
                        .attr("to", target.get().jid().toString())
                        .attr("type", message.attribute("type").orElse("chat"))
                        .attr("id", message.attribute("id").orElse(null));
                message.elements().forEach(forwarded::child);
                forwarded.child(XmlElement.of("x", Namespaces.MUC_USER));
                target.get().session().send(forwarded.build());
            }
        }
    }

    /** XEP-0045 §7.8.2: a mediated invitation, forwarded to the invitee's sessions from the room. */
    private void invite(XmppSession session, XmlElement message, Jid to, MucRoom room, XmlElement invite) {
        Optional<Jid> invitee = invite.attribute("to").flatMap(Jid::parse);
        boolean occupant;
        synchronized (room) {
            occupant = room.occupantOf(session).isPresent();
        }
        if (!occupant || invitee.isEmpty()) {
            session.send(Stanzas.error(message, "modify", "not-acceptable", to.toString(), session.jid().toString()));
            return;
        }
        XmlElement.Builder x = XmlElement.builder("x", Namespaces.MUC_USER)
                .child(XmlElement.builder("invite", Namespaces.MUC_USER).attr("from", session.jid().toString())
                        .child(XmlElement.builder("reason", Namespaces.MUC_USER)
                                .text(invite.child("reason", Namespaces.MUC_USER).map(XmlElement::text).orElse(""))
                                .build())
                        .build());
        synchronized (room) {
            if (!room.password().isEmpty()) {
                x.textChild("password", Namespaces.MUC_USER, room.password());
            }
        }
        int delivered = sessions.deliver(invitee.get(), target -> XmlElement.builder("message", Namespaces.CLIENT)
                .attr("from", to.bare().toString()).attr("to", target.toString())
                .attr("id", message.attribute("id").orElse(null))
                .child(x.build()).build());
        LOG.info("{} - {} invited {} to {} ({} sessions)", session.connectionId(), session.jid(), invitee.get(),
                to.bare(), delivered);
    }

    /** The presence children an occupant's presence repeats: everything but the MUC join element. */
    private static List<XmlElement> payload(XmlElement stanza) {
        return stanza.elements().stream()
                .filter(e -> !(Namespaces.MUC.equals(e.namespace()) || Namespaces.MUC_USER.equals(e.namespace())))
                .toList();
    }

    private int requestedHistory(XmlElement stanza) {
        Optional<XmlElement> history = stanza.child("x", Namespaces.MUC)
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

    static String condition(ChatException error, String forbiddenCondition) {
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

    XmppParticipant participant(XmppSession session) {
        return participants.computeIfAbsent(session.connectionId(), id -> new XmppParticipant(session));
    }

    /** One XMPP connection as a participant of the chat core. */
    final class XmppParticipant implements Participant {
        private final XmppSession session;
        /** Message id → the id the author's client gave its post, until the echo is rendered. */
        private final Map<Long, String> echoIds = new ConcurrentHashMap<>();

        XmppParticipant(XmppSession session) {
            this.session = session;
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
            String name = event.room().name();
            MucRoom room = rooms.get(name.toLowerCase(Locale.ROOT));
            if (room == null) {
                return true;
            }
            synchronized (room) {
                XmlElement stanza = event.accept(new RoomEvent.Visitor<XmlElement>() {
                    @Override
                    public XmlElement posted(RoomEvent.Posted posted) {
                        ChatMessage message = posted.message();
                        String nick = room.postNicks().getOrDefault(message.id(), render.nick(message.authorUri()));
                        String echoId = echoIds.remove(message.id());
                        return render.message(name, message, session.jid(), false,
                                echoId == null ? "pchat-" + message.id() : echoId, nick);
                    }

                    @Override
                    public XmlElement joined(RoomEvent.Joined joined) {
                        if (!room.occupantsOf(joined.userUri()).isEmpty() || !isSip(room, joined.userUri())) {
                            return null;
                        }
                        room.xmppUsers().remove(joined.userUri());
                        return render.occupant(name, joined.userUri(), joined.roles(), session.jid(), true,
                                room.moderated());
                    }

                    @Override
                    public XmlElement parted(RoomEvent.Parted parted) {
                        if (room.xmppUsers().contains(parted.userUri())
                                || !room.occupantsOf(parted.userUri()).isEmpty()) {
                            return null;
                        }
                        return render.occupant(name, parted.userUri(), Set.of(), session.jid(), false,
                                room.moderated());
                    }
                });
                return stanza == null || session.send(stanza);
            }
        }

        @Override
        public void disconnect(String reason) {
            session.close(reason);
        }
    }
}
