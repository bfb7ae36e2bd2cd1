package org.pchat.server.chat;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.pchat.server.rooms.RoomDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices rooms that were disabled or deleted while people here are in them (through this node, another node, the
 * web or the CLI: the database is the only thing they share) and removes those people from them. Polls the
 * database for the occupied rooms on one thread of its own, never on a network thread.
 */
public final class RoomStateWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RoomStateWatcher.class);

    private final String nodeId;
    private final ChatService chat;
    private final RoomDirectory directory;
    private final ScheduledExecutorService timer;

    /**
     * @param interval how often the occupied rooms are checked
     */
    public RoomStateWatcher(String nodeId, ChatService chat, RoomDirectory directory, Duration interval) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.chat = Objects.requireNonNull(chat, "chat");
        this.directory = Objects.requireNonNull(directory, "directory");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("room check interval " + interval + " is not positive (node " + nodeId
                    + ")");
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "pchat-room-watch-" + nodeId);
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Checks the occupied rooms once; returns how many rooms were found disabled or gone. */
    public int check() {
        try {
            List<UUID> occupied = chat.occupiedRooms();
            if (occupied.isEmpty()) {
                return 0;
            }
            Set<UUID> enabled = directory.enabledAmong(occupied);
            int closed = 0;
            for (UUID roomId : occupied) {
                if (!enabled.contains(roomId)) {
                    chat.evict(roomId, "the room was disabled or deleted");
                    closed++;
                }
            }
            return closed;
        } catch (RuntimeException e) {
            LOG.warn("{} - checking occupied rooms for disabled ones failed: {}", nodeId, e.toString());
            return 0;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
