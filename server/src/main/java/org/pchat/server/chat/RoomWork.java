package org.pchat.server.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.pchat.server.domain.ChatMessage;
import org.pchat.server.domain.RoomDetails;
import org.pchat.server.domain.RoomRole;
import org.pchat.server.store.MessageRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The room operations, each run on the room's lane so that one room's joins, parts, posts and history reads
 * happen in order. Every operation hands its result to the caller before it fans anything out, so a client
 * always hears "you joined" before the room's next message, and a poster's acknowledgement only ever follows
 * the commit.
 */
final class RoomWork {

    private static final Logger LOG = LoggerFactory.getLogger(RoomWork.class);
    static final String DROPPED = "it could not take a room event (outbound queue full or session closed)";

    private final ChatServiceConfig config;
    private final ChatStores stores;
    private final RoomAccess access;
    private final RoomRegistry registry;
    private final RoomFanOut fanOut;
    private final ComplianceRecorder compliance;
    private final Clock clock;
    private final BiConsumer<Participant, String> onDropped;
    private final RoomDelivery delivery;
    private final PoolLink pool;

    RoomWork(ChatServiceConfig config, ChatStores stores, RoomRegistry registry, ComplianceRecorder compliance,
             Clock clock, BiConsumer<Participant, String> onDropped, PoolLink pool) {
        this.config = config;
        this.stores = stores;
        this.access = new RoomAccess(stores.directory());
        this.registry = registry;
        this.fanOut = new RoomFanOut(config.nodeId(), registry);
        this.compliance = Objects.requireNonNull(compliance, "compliance");
        this.clock = clock;
        this.onDropped = onDropped;
        this.delivery = new RoomDelivery(config.nodeId(), stores);
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    /** Joins; a session already joined gets the current state again and nobody is notified. */
    JoinOutcome join(Participant participant, UUID roomId, boolean batch, Reply<JoinOutcome> reply) {
        String user = participant.userUri();
        RoomDetails room = access.joinable(user, roomId);
        Set<RoomRole> roles = RoomAccess.roles(user, room);
        boolean already = registry.isJoined(roomId, participant);
        if (!already) {
            Instant now = clock.instant();
            stores.content().transaction(c -> compliance.joined(c.dsl(), user, roomId, now));
        }
        RoomRef ref = RoomAccess.ref(room);
        delivery.follow(roomId);
        registry.join(ref, participant, roles);
        boolean suppressed = registry.updatesSuppressed(roomId);
        List<JoinOutcome.ParticipantInfo> listed = suppressed
                ? List.of(new JoinOutcome.ParticipantInfo(user, roles))
                : participants(roomId);
        JoinOutcome outcome = new JoinOutcome(room, roles, listed, !suppressed, already);
        reply.send(outcome);
        if (!already) {
            LOG.debug("{} - {} (session {}) joined room {}{}", config.nodeId(), user, participant.id(), ref,
                    suppressed ? " (participant updates suppressed)" : "");
            publishAndTell(new RoomEvent.Joined(ref, user, roles, batch), participant);
        }
        return outcome;
    }

    /** Leaves; leaving a room one is not in succeeds too. */
    UUID part(Participant participant, UUID roomId, Reply<UUID> reply) {
        RoomRef ref = registry.ref(roomId).orElse(null);
        boolean was = leaveQuietly(participant, roomId);
        reply.send(roomId);
        if (was && ref != null) {
            LOG.debug("{} - {} (session {}) left room {}", config.nodeId(), participant.userUri(), participant.id(),
                    ref);
            publishAndTell(new RoomEvent.Parted(ref, participant.userUri()), participant);
        }
        return roomId;
    }

    /** Removes a session that went away (BYE, failure, drop) from one room and tells the others. */
    void leave(Participant participant, UUID roomId, String reason) {
        RoomRef ref = registry.ref(roomId).orElse(null);
        if (leaveQuietly(participant, roomId) && ref != null) {
            LOG.debug("{} - {} (session {}) removed from room {}: {}", config.nodeId(), participant.userUri(),
                    participant.id(), ref, reason);
            publishAndTell(new RoomEvent.Parted(ref, participant.userUri()), participant);
        }
    }

    /** Posts: checks, one transaction (sequence number, message, compliance), reply, then fan-out. */
    ChatMessage post(Participant participant, UUID roomId, String text, boolean alert, Instant receivedAt,
                     Reply<ChatMessage> reply) {
        String user = participant.userUri();
        if (!registry.isJoined(roomId, participant)) {
            throw ChatException.forbidden(user + " has not joined room " + roomId + ": join it before posting");
        }
        RoomDetails room = access.postable(user, roomId);
        PostRules.check(config, text, user, room);
        MessageRepository messages = stores.messages();
        ChatMessage stored = stores.content().transactionResult(c -> {
            ChatMessage message = messages.in(c.dsl()).append(c.dsl(), roomId, user, text, alert, null, receivedAt);
            compliance.posted(c.dsl(), message);
            return message;
        });
        reply.send(stored);
        LOG.debug("{} - {} posted message {} (seq {}) in room {}", config.nodeId(), user, stored.id(), stored.seq(),
                roomId);
        RoomRef ref = RoomAccess.ref(room);
        pool.published(new RoomEvent.Posted(ref, stored));
        delivery.deliver(ref, stored, event -> publish(event, null));
        return stored;
    }

    /**
     * An event from another node of the pool: posts are delivered in sequence order exactly once (gaps filled
     * from the database), joins and parts are passed on; nothing happens for a room nobody here is in.
     */
    void remote(RoomEvent event) {
        UUID roomId = event.room().id();
        if (!delivery.follows(roomId)) {
            return;
        }
        if (event instanceof RoomEvent.Posted posted) {
            delivery.deliver(event.room(), posted.message(), e -> publish(e, null));
        } else {
            publish(event, null);
        }
    }

    /** Delivers what the database holds beyond the last post delivered here (after a pool change). */
    int catchUp(UUID roomId) {
        return registry.ref(roomId).map(ref -> delivery.catchUp(ref, e -> publish(e, null))).orElse(0);
    }

    /** The rooms someone here is in. */
    List<UUID> occupiedRooms() {
        return delivery.followed();
    }

    /**
     * Removes everyone here from a room that was disabled or deleted; each hears its own part, nobody is
     * dropped from the node.
     */
    int evict(UUID roomId, String reason) {
        RoomRef ref = registry.ref(roomId).orElse(null);
        if (ref == null) {
            delivery.forget(roomId);
            return 0;
        }
        int count = 0;
        for (Occupant occupant : registry.occupants(roomId)) {
            Participant participant = occupant.participant();
            if (leaveQuietly(participant, roomId)) {
                count++;
                try {
                    participant.deliver(new RoomEvent.Parted(ref, participant.userUri()));
                } catch (RuntimeException e) {
                    LOG.warn("{} - telling {} (session {}) it left room {} failed: {}", config.nodeId(),
                            participant.userUri(), participant.id(), ref, e.toString());
                }
            }
        }
        LOG.info("{} - room {}: {} session(s) removed: {}", config.nodeId(), ref, count, reason);
        return count;
    }

    /** Reads history; a category without chat history gives an empty page. */
    HistoryPage history(String userUri, UUID roomId, HistoryQuery query, Reply<HistoryPage> reply) {
        RoomDetails room = access.joinable(userUri, roomId);
        int count = Math.min(query.count(), config.historyPageLimit());
        HistoryPage page;
        if (!room.category().chatHistory() || count == 0) {
            page = new HistoryPage(room, List.of(), room.category().chatHistory());
        } else {
            Instant now = clock.instant();
            List<ChatMessage> messages = stores.content().transactionResult(c -> {
                MessageRepository tx = stores.messages().in(c.dsl());
                List<ChatMessage> found;
                if (query instanceof HistoryQuery.Before before) {
                    found = tx.before(roomId, before.seq(), count);
                } else if (query instanceof HistoryQuery.After after) {
                    found = tx.after(roomId, after.seq(), count);
                } else {
                    found = tx.last(roomId, count);
                }
                compliance.backchat(c.dsl(), userUri, roomId, now);
                return found;
            });
            page = new HistoryPage(room, messages, true);
        }
        reply.send(page);
        return page;
    }

    private boolean leaveQuietly(Participant participant, UUID roomId) {
        boolean was = registry.part(roomId, participant);
        if (registry.count(roomId) == 0) {
            delivery.forget(roomId);
        }
        if (was) {
            Instant now = clock.instant();
            stores.content().transaction(c -> compliance.parted(c.dsl(), participant.userUri(), roomId, now));
        }
        return was;
    }

    /** Fans out a local join or part here and tells the other nodes. */
    private void publishAndTell(RoomEvent event, Participant except) {
        pool.published(event);
        publish(event, except);
    }

    /** Fans out; participants that refuse are removed here, which the rest hear, and so on until all took it. */
    private void publish(RoomEvent event, Participant except) {
        Deque<RoomEvent> events = new ArrayDeque<>();
        Deque<Participant> excepts = new ArrayDeque<>();
        events.add(event);
        excepts.add(except == null ? NOBODY : except);
        while (!events.isEmpty()) {
            RoomEvent next = events.poll();
            Participant skip = excepts.poll();
            for (Participant refused : fanOut.publish(next, skip == NOBODY ? null : skip)) {
                // Reported before it leaves this room: the report that disconnects it reads its rooms and stays
                // open until each has removed it, so this room must still list it (else a lane that removed it
                // but had not reported yet could report it again after that, and disconnect it twice).
                onDropped.accept(refused, DROPPED);
                if (leaveQuietly(refused, next.room().id())) {
                    LOG.info("{} - dropped {} (session {}) from room {}: {}", config.nodeId(), refused.userUri(),
                            refused.id(), next.room(), DROPPED);
                    RoomEvent.Parted parted = new RoomEvent.Parted(next.room(), refused.userUri());
                    pool.published(parted);
                    events.add(parted);
                    excepts.add(refused);
                }
            }
        }
    }

    private List<JoinOutcome.ParticipantInfo> participants(UUID roomId) {
        Map<String, Set<RoomRole>> byUser = new LinkedHashMap<>();
        for (Occupant occupant : registry.occupants(roomId)) {
            byUser.computeIfAbsent(occupant.userUri(), u -> EnumSet.noneOf(RoomRole.class)).addAll(occupant.roles());
        }
        return byUser.entrySet().stream()
                .map(e -> new JoinOutcome.ParticipantInfo(e.getKey(), e.getValue()))
                .toList();
    }

    /** Marks "no one to skip" in the fan-out work list (an ArrayDeque holds no nulls). */
    private static final Participant NOBODY = new Participant() {
        @Override
        public String id() {
            return "";
        }

        @Override
        public String userUri() {
            return "";
        }

        @Override
        public boolean deliver(RoomEvent event) {
            return true;
        }

        @Override
        public void disconnect(String reason) {
            // never a real session
        }
    };

    /** Hands a result to the caller; a failing callback is logged and does not undo the operation. */
    @FunctionalInterface
    interface Reply<T> {
        void send(T value);
    }
}
