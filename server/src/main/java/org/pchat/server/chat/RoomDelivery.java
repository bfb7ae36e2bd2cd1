package org.pchat.server.chat;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.pchat.server.domain.ChatMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a room's posts to this node's participants exactly once and in sequence order, whichever node
 * committed them. The node remembers the last sequence number it delivered per occupied room; a post further
 * ahead first has the gap filled from the database (a lost or late pool frame never loses a message), a post at or
 * behind it is a duplicate and skipped. Runs on the room's lane only.
 */
final class RoomDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(RoomDelivery.class);

    /** Messages read from the database per gap-filling query. */
    static final int FILL_CHUNK = 200;

    private final String nodeId;
    private final ChatStores stores;
    private final Map<UUID, Long> delivered = new ConcurrentHashMap<>();

    RoomDelivery(String nodeId, ChatStores stores) {
        this.nodeId = nodeId;
        this.stores = Objects.requireNonNull(stores, "stores");
    }

    /** Starts following a room that gets its first participant here: everything after its current last post. */
    void follow(UUID roomId) {
        delivered.computeIfAbsent(roomId, id -> stores.messages().lastSeq(id).orElse(0L));
    }

    /** Stops following a room nobody here is in any more. */
    void forget(UUID roomId) {
        delivered.remove(roomId);
    }

    /** Whether the room is followed here. */
    boolean follows(UUID roomId) {
        return delivered.containsKey(roomId);
    }

    /** The rooms followed here. */
    List<UUID> followed() {
        return List.copyOf(delivered.keySet());
    }

    /**
     * Delivers {@code message} after any missing earlier post of its room, or skips it when it was delivered.
     *
     * @return how many posts were handed to {@code publish}
     */
    int deliver(RoomRef room, ChatMessage message, Consumer<RoomEvent> publish) {
        Long last = delivered.get(room.id());
        if (last == null || message.seq() <= last) {
            return 0;
        }
        int count = 0;
        if (message.seq() > last + 1) {
            count += fill(room, last, message.seq(), publish);
        }
        publish.accept(new RoomEvent.Posted(room, message));
        delivered.put(room.id(), message.seq());
        return count + 1;
    }

    /** Delivers whatever the database holds beyond the last delivered post (after a pool failure or merge). */
    int catchUp(RoomRef room, Consumer<RoomEvent> publish) {
        Long last = delivered.get(room.id());
        if (last == null) {
            return 0;
        }
        return fill(room, last, Long.MAX_VALUE, publish);
    }

    /** Publishes the stored posts with {@code after < seq < before}, oldest first, advancing the cursor. */
    private int fill(RoomRef room, long after, long before, Consumer<RoomEvent> publish) {
        int count = 0;
        long cursor = after;
        while (cursor < before - 1) {
            List<ChatMessage> found = stores.messages().after(room.id(), cursor, FILL_CHUNK);
            for (ChatMessage missing : found) {
                if (missing.seq() >= before) {
                    break;
                }
                publish.accept(new RoomEvent.Posted(room, missing));
                delivered.put(room.id(), missing.seq());
                cursor = missing.seq();
                count++;
            }
            if (found.size() < FILL_CHUNK || found.get(found.size() - 1).seq() >= before) {
                break;
            }
        }
        if (count > 0) {
            LOG.info("{} - room {}: {} post(s) after seq {} delivered from the database", nodeId, room, count, after);
        }
        return count;
    }
}
