package org.pchat.server.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.pchat.server.domain.ChatMessage;
import org.pchat.server.domain.DirectoryException;
import org.pchat.server.domain.Preference;
import org.pchat.server.domain.UserUris;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat core of one node, protocol-neutral: join, part, post, history, search, preferences, invitations and
 * file tokens for {@link Participant}s of any protocol (SIP now; XMPP and the pool later).
 *
 * <p>Threading: every method returns at once and never blocks the caller (a network thread). Room work runs on
 * the room's lane of a {@link KeyedSerialExecutor} (ordered per room), per-user work on the user's lane; both
 * queues are bounded and a full one answers {@link ChatErrorCode#BUSY}. Each result reaches the caller's
 * callback exactly once, on the lane, before any fan-out of the same operation; the callback must not block.
 */
public final class ChatService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChatService.class);

    private final ChatServiceConfig config;
    private final RoomRegistry registry;
    private final RoomWork rooms;
    private final UserWork users;
    private final KeyedSerialExecutor roomLanes;
    private final KeyedSerialExecutor userLanes;
    /** Sessions whose removal from their rooms is queued and has not all run yet. */
    private final Set<String> leaving = ConcurrentHashMap.newKeySet();

    public ChatService(ChatServiceConfig config, ChatStores stores, FileTokenService tokens,
                       ComplianceRecorder compliance, Clock clock) {
        this(config, stores, tokens, compliance, clock, PoolLink.NONE);
    }

    /**
     * @param pool where local room events go so that the other nodes of the pool deliver them too
     */
    public ChatService(ChatServiceConfig config, ChatStores stores, FileTokenService tokens,
                       ComplianceRecorder compliance, Clock clock, PoolLink pool) {
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(clock, "clock");
        this.registry = new RoomRegistry(config);
        this.rooms = new RoomWork(config, stores, registry, compliance, clock, this::dropped, pool);
        this.users = new UserWork(config, stores, registry, tokens, clock);
        this.roomLanes = new KeyedSerialExecutor("pchat-room-" + config.nodeId(), config.roomLanes(),
                config.laneQueueCapacity());
        this.userLanes = new KeyedSerialExecutor("pchat-user-" + config.nodeId(), config.userLanes(),
                config.userQueueCapacity());
        LOG.info("{} - chat service ready: {}", config.nodeId(), config);
    }

    public ChatServiceConfig config() {
        return config;
    }

    /** Who is joined where on this node. */
    public RoomRegistry registry() {
        return registry;
    }

    /** Enters a room (xccos.md §4.5); a session already in it gets the state again. */
    public void join(Participant participant, UUID roomId, boolean batch, Consumer<ChatResult<JoinOutcome>> callback) {
        onRoom(roomId, "join of " + participant.userUri(), callback,
                reply -> rooms.join(participant, roomId, batch, reply));
    }

    /** Leaves a room (xccos.md §4.7); the callback gets the room id. */
    public void part(Participant participant, UUID roomId, Consumer<ChatResult<UUID>> callback) {
        onRoom(roomId, "part of " + participant.userUri(), callback, reply -> rooms.part(participant, roomId, reply));
    }

    /**
     * The most tasks waiting on any room lane: how far the busiest rooms are behind. Past
     * {@link #roomLaneCapacity()} new room work is refused as busy.
     */
    public int roomLaneBacklog() {
        return roomLanes.longestQueue();
    }

    /** Tasks waiting on one room lane beyond which new room work (joins, posts) is refused as busy. */
    public int roomLaneCapacity() {
        return roomLanes.queueCapacity();
    }

    /**
     * Removes a session that went away from every room it is in; the others hear it part. These parts are queued
     * even on full lanes (when every session ends at once, all lanes fill): refusing them would leave the session
     * listed in its rooms and its parts unrecorded for compliance. They are queued once per session, however often
     * it is reported gone.
     */
    public void leaveAll(Participant participant, String reason) {
        if (leaving.add(participant.id())) {
            queueLeaves(participant, reason);
        }
    }

    /**
     * A participant refused an event in one of its rooms (it cannot keep up, or it is gone): it is disconnected and
     * removed from its other rooms, once. Until those removals ran, each of its other rooms that has an event for it
     * reports it again; queueing its removals each time multiplied the lane work of every dropped session by its
     * rooms, and a sign-in storm that dropped sessions filled the heap with them (docs/benchmarks.md, M80K-1).
     */
    private void dropped(Participant participant, String reason) {
        if (!leaving.add(participant.id())) {
            return;
        }
        try {
            participant.disconnect(reason);
        } catch (RuntimeException e) {
            LOG.error("{} - disconnecting {} (session {}) failed: {}", config.nodeId(), participant.userUri(),
                    participant.id(), e.toString(), e);
        }
        queueLeaves(participant, reason);
    }

    /** Queues the removal of a leaving participant from each of its rooms; it stops leaving when all ran. */
    private void queueLeaves(Participant participant, String reason) {
        Set<UUID> roomIds = registry.roomsOf(participant);
        AtomicInteger toRun = new AtomicInteger(roomIds.size());
        Runnable ran = () -> {
            if (toRun.decrementAndGet() == 0) {
                leaving.remove(participant.id());
            }
        };
        if (roomIds.isEmpty()) {
            leaving.remove(participant.id());
            return;
        }
        int refused = 0;
        String why = null;
        UUID first = null;
        for (UUID roomId : roomIds) {
            try {
                roomLanes.executeAlways(roomId, () -> {
                    try {
                        rooms.leave(participant, roomId, reason);
                    } finally {
                        ran.run();
                    }
                });
            } catch (ChatException e) {
                ran.run();
                // shutting down: one line per session, not per room
                if (refused++ == 0) {
                    why = e.getMessage();
                    first = roomId;
                }
            }
        }
        if (refused > 0) {
            LOG.warn("{} - cannot remove {} (session {}) from {} room(s) now, first {}: {}", config.nodeId(),
                    participant.userUri(), participant.id(), refused, first, why);
        }
    }

    /**
     * Posts a message (xccos.md §5): joined, allowed to post, within the size limits; the callback gets the
     * stored message only after its transaction committed, then every participant of the room gets it.
     *
     * @param receivedAt when the server received the post; the message's timestamp
     */
    public void post(Participant participant, UUID roomId, String text, boolean alert, Instant receivedAt,
                     Consumer<ChatResult<ChatMessage>> callback) {
        onRoom(roomId, "post of " + participant.userUri(), callback,
                reply -> rooms.post(participant, roomId, text, alert, receivedAt, reply));
    }

    /** Reads room history (xccos.md §4.9), oldest→newest, ordered with the room's posts. */
    public void history(String userUri, UUID roomId, HistoryQuery query, Consumer<ChatResult<HistoryPage>> callback) {
        withUser(userUri, callback, user -> onRoom(roomId, "history read of " + user, callback,
                reply -> rooms.history(user, roomId, query, reply)));
    }

    /** Rooms the user can see by name (xccos.md §4.10); empty criteria lists all, capped at the search limit. */
    public void search(String userUri, String criteria, Consumer<ChatResult<List<RoomListing>>> callback) {
        withUser(userUri, callback, user -> onUser(user, "room search", callback,
                () -> users.search(user, criteria)));
    }

    /** The enabled room of exactly this name (case-insensitive) if the user can see it. */
    public void findRoom(String userUri, String name, Consumer<ChatResult<Optional<RoomListing>>> callback) {
        withUser(userUri, callback, user -> onUser(user, "room lookup", callback, () -> users.find(user, name)));
    }

    /** Outstanding invitations (xccos.md §4.4). */
    public void invitations(String userUri, Consumer<ChatResult<List<PendingInvitation>>> callback) {
        withUser(userUri, callback, user -> onUser(user, "invitation list", callback,
                () -> users.invitations(user)));
    }

    /** Reads preferences (xccos.md §4.3). */
    public void preferences(String userUri, List<String> labels, Consumer<ChatResult<List<Preference>>> callback) {
        List<String> copy = List.copyOf(labels);
        withUser(userUri, callback, user -> onUser(user, "preference read", callback,
                () -> users.preferences(user, copy)));
    }

    /** Writes preferences atomically with optimistic versions (xccos.md §4.3). */
    public void setPreferences(String userUri, List<PreferenceUpdate> updates,
                               Consumer<ChatResult<List<Preference>>> callback) {
        List<PreferenceUpdate> copy = List.copyOf(updates);
        withUser(userUri, callback, user -> onUser(user, "preference write", callback,
                () -> users.setPreferences(user, copy)));
    }

    /** Whether the user may create rooms somewhere (xccos.md §4.12). */
    public void canCreateRooms(String userUri, Consumer<ChatResult<Boolean>> callback) {
        withUser(userUri, callback, user -> onUser(user, "create permission check", callback,
                () -> users.canCreateRooms(user)));
    }

    /** Issues a file transfer token bound to the user, room and action (xccos.md §4.11). */
    public void fileToken(String userUri, UUID roomId, FileAction action, String fileName,
                          Consumer<ChatResult<FileAccessToken>> callback) {
        withUser(userUri, callback, user -> onUser(user, "file token request", callback,
                () -> users.fileToken(user, roomId, action, fileName)));
    }

    /**
     * An event another node of the pool published: delivered to this node's participants of the room, posts in
     * sequence order and exactly once.
     */
    public void remote(RoomEvent event) {
        Objects.requireNonNull(event, "event");
        UUID roomId = event.room().id();
        try {
            roomLanes.execute(roomId, () -> rooms.remote(event));
        } catch (ChatException e) {
            // the lane is full; the room's next post or the next catch-up delivers it from the database
            LOG.warn("{} - pool event for room {} not queued: {}", config.nodeId(), event.room(), e.getMessage());
        }
    }

    /**
     * Delivers, in every room someone here is in, what the database holds beyond the last post delivered here:
     * after another node failed, a partition healed, or on a timer.
     */
    public void catchUp() {
        for (UUID roomId : rooms.occupiedRooms()) {
            try {
                roomLanes.execute(roomId, () -> rooms.catchUp(roomId));
            } catch (ChatException e) {
                LOG.warn("{} - catch-up of room {} not queued: {}", config.nodeId(), roomId, e.getMessage());
            }
        }
    }

    /** The rooms at least one participant on this node is in. */
    public List<UUID> occupiedRooms() {
        return rooms.occupiedRooms();
    }

    /** Removes every participant here from a room that was disabled or deleted. */
    public void evict(UUID roomId, String reason) {
        try {
            roomLanes.execute(roomId, () -> rooms.evict(roomId, reason));
        } catch (ChatException e) {
            LOG.warn("{} - eviction from room {} not queued: {}", config.nodeId(), roomId, e.getMessage());
        }
    }

    /** Stops taking work and lets queued work finish for a few seconds. */
    @Override
    public void close() {
        roomLanes.close(Duration.ofSeconds(5));
        userLanes.close(Duration.ofSeconds(5));
        LOG.info("{} - chat service stopped", config.nodeId());
    }

    private <T> void onRoom(UUID roomId, String what, Consumer<ChatResult<T>> callback,
                            Consumer<RoomWork.Reply<T>> work) {
        Once<T> once = new Once<>(callback, what);
        submit(roomLanes, roomId, what + " in room " + roomId, once, () -> work.accept(once::ok));
    }

    private <T> void onUser(String user, String what, Consumer<ChatResult<T>> callback, Supplier<T> work) {
        Once<T> once = new Once<>(callback, what + " of " + user);
        submit(userLanes, user, what + " of " + user, once, () -> once.ok(work.get()));
    }

    private <T> void submit(KeyedSerialExecutor lanes, Object key, String what, Once<T> once, Runnable work) {
        try {
            lanes.execute(key, () -> {
                try {
                    work.run();
                } catch (ChatException e) {
                    once.failed(e);
                } catch (DirectoryException e) {
                    once.failed(ChatException.of(e));
                } catch (RuntimeException e) {
                    LOG.error("{} - {} failed: {}", config.nodeId(), what, e.toString(), e);
                    once.failed(new ChatException(ChatErrorCode.INTERNAL, what + " failed on node " + config.nodeId()
                            + " (internal error, logged)", e));
                }
            });
        } catch (ChatException e) {
            LOG.warn("{} - {} refused: {}", config.nodeId(), what, e.getMessage());
            once.failed(e);
        }
    }

    /** Runs {@code work} with the normalized user URI, or fails the callback when it is not a user URI. */
    private static <T> void withUser(String userUri, Consumer<ChatResult<T>> callback, Consumer<String> work) {
        String user;
        try {
            user = UserUris.normalize(userUri);
        } catch (DirectoryException e) {
            callback.accept(ChatResult.failed(ChatException.of(e)));
            return;
        }
        work.accept(user);
    }

    /** Passes exactly one result to the callback; a callback that throws is logged. */
    private final class Once<T> {
        private final Consumer<ChatResult<T>> callback;
        private final String what;
        private final AtomicBoolean done = new AtomicBoolean();

        Once(Consumer<ChatResult<T>> callback, String what) {
            this.callback = Objects.requireNonNull(callback, "callback");
            this.what = what;
        }

        void ok(T value) {
            complete(ChatResult.ok(value));
        }

        void failed(ChatException error) {
            complete(ChatResult.failed(error));
        }

        private void complete(ChatResult<T> result) {
            if (!done.compareAndSet(false, true)) {
                if (result instanceof ChatResult.Failed<T> failed) {
                    LOG.error("{} - {} failed after its reply was sent: {}", config.nodeId(), what,
                            failed.error().getMessage(), failed.error());
                }
                return;
            }
            try {
                callback.accept(result);
            } catch (RuntimeException e) {
                LOG.error("{} - reply to {} failed: {}", config.nodeId(), what, e.toString(), e);
            }
        }
    }
}
