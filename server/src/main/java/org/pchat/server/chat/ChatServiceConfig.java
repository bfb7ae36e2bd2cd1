package org.pchat.server.chat;

import java.time.Duration;
import java.util.Objects;
import org.pchat.server.config.ChatLimits;
import org.pchat.server.config.NodeConfig;

/**
 * Every limit of the chat core, validated on construction; errors name the value seen, the allowed range and
 * the node.
 *
 * @param nodeId                 the node's identity in logs
 * @param messageSizeLimit       most characters in a chat message
 * @param storySizeLimit         most characters in a story ({@value #STORY_PREFIX} post)
 * @param searchLimit            most rooms one search (or invitation list) returns
 * @param participantUpdateLimit above this many participants a room stops sending join/part notices and the
 *                               participant list on join; they resume below 80 % of it
 * @param historyPageLimit       most messages one history request returns
 * @param roomLanes              threads doing room work (join, part, post, history), each serialising the rooms
 *                               hashed onto it
 * @param laneQueueCapacity      tasks waiting per lane before new work is refused as busy
 * @param userLanes              threads doing per-user work (search, preferences, invitations, tokens)
 * @param userQueueCapacity      tasks waiting per user lane before new work is refused as busy
 * @param fileTokenLifetime      how long a file transfer token stays valid
 */
public record ChatServiceConfig(String nodeId, int messageSizeLimit, int storySizeLimit, int searchLimit,
        int participantUpdateLimit, int historyPageLimit, int roomLanes, int laneQueueCapacity, int userLanes,
        int userQueueCapacity, Duration fileTokenLifetime) {

    /** The prefix of a story post (xccos.md §5.3). */
    public static final String STORY_PREFIX = "[STORY]";
    /** Default room lanes: few, because each holds a database connection while it works. */
    public static final int DEFAULT_ROOM_LANES = 4;
    public static final int DEFAULT_LANE_QUEUE_CAPACITY = 2_000;
    public static final int DEFAULT_USER_LANES = 2;
    public static final int DEFAULT_USER_QUEUE_CAPACITY = 1_000;
    public static final Duration DEFAULT_FILE_TOKEN_LIFETIME = Duration.ofMinutes(10);

    public ChatServiceConfig {
        Objects.requireNonNull(nodeId, "nodeId");
        requireRange(nodeId, "messageSizeLimit", messageSizeLimit, 1, 65_535);
        requireRange(nodeId, "storySizeLimit", storySizeLimit, messageSizeLimit, 65_535);
        requireRange(nodeId, "searchLimit", searchLimit, 1, 10_000);
        requireRange(nodeId, "participantUpdateLimit", participantUpdateLimit, 1, 100_000);
        requireRange(nodeId, "historyPageLimit", historyPageLimit, 1, 10_000);
        requireRange(nodeId, "roomLanes", roomLanes, 1, 256);
        requireRange(nodeId, "laneQueueCapacity", laneQueueCapacity, 1, 1_000_000);
        requireRange(nodeId, "userLanes", userLanes, 1, 256);
        requireRange(nodeId, "userQueueCapacity", userQueueCapacity, 1, 1_000_000);
        Objects.requireNonNull(fileTokenLifetime, "fileTokenLifetime");
        if (fileTokenLifetime.isNegative() || fileTokenLifetime.isZero()
                || fileTokenLifetime.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("chat fileTokenLifetime " + fileTokenLifetime
                    + " is outside PT1S..P1D (node " + nodeId + ")");
        }
    }

    /** The node's configured limits with the default thread and queue sizes. */
    public static ChatServiceConfig from(NodeConfig node) {
        ChatLimits limits = node.limits();
        return new ChatServiceConfig(node.nodeId(), limits.messageSizeLimit(), limits.storySizeLimit(),
                limits.searchLimit(), limits.participantUpdateLimit(), limits.historyPageLimit(), DEFAULT_ROOM_LANES,
                DEFAULT_LANE_QUEUE_CAPACITY, DEFAULT_USER_LANES, DEFAULT_USER_QUEUE_CAPACITY,
                DEFAULT_FILE_TOKEN_LIFETIME);
    }

    /** Lync's limits (512 / 4096 / 999 / 75) and the default thread and queue sizes. */
    public static ChatServiceConfig defaults(String nodeId) {
        ChatLimits limits = ChatLimits.defaults();
        return new ChatServiceConfig(nodeId, limits.messageSizeLimit(), limits.storySizeLimit(),
                limits.searchLimit(), limits.participantUpdateLimit(), limits.historyPageLimit(), DEFAULT_ROOM_LANES,
                DEFAULT_LANE_QUEUE_CAPACITY, DEFAULT_USER_LANES, DEFAULT_USER_QUEUE_CAPACITY,
                DEFAULT_FILE_TOKEN_LIFETIME);
    }

    /** A copy with another participant update limit. */
    public ChatServiceConfig withParticipantUpdateLimit(int value) {
        return new ChatServiceConfig(nodeId, messageSizeLimit, storySizeLimit, searchLimit, value, historyPageLimit,
                roomLanes, laneQueueCapacity, userLanes, userQueueCapacity, fileTokenLifetime);
    }

    /** A copy with other lane sizes. */
    public ChatServiceConfig withLanes(int rooms, int queueCapacity) {
        return new ChatServiceConfig(nodeId, messageSizeLimit, storySizeLimit, searchLimit, participantUpdateLimit,
                historyPageLimit, rooms, queueCapacity, userLanes, userQueueCapacity, fileTokenLifetime);
    }

    /** Whether a room with {@code count} participants, whose notices were {@code suppressed}, suppresses them now. */
    public boolean suppressesUpdates(int count, boolean suppressed) {
        if (count > participantUpdateLimit) {
            return true;
        }
        // resume below 80 % of the limit (xccos.md §7.6)
        return suppressed && count * 5L >= participantUpdateLimit * 4L;
    }

    private static void requireRange(String nodeId, String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("chat " + name + " " + value + " is outside the allowed range "
                    + min + ".." + max + " (node " + nodeId + ")");
        }
    }
}
