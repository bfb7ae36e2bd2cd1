package org.pchat.server.chat;

import java.util.Objects;
import java.util.Set;
import org.pchat.server.domain.ChatMessage;
import org.pchat.server.domain.RoomRole;

/**
 * Something that happened in a room, delivered to its participants. Dispatch with {@link #accept(Visitor)}
 * (exhaustive: adding a type breaks every visitor at compile time).
 */
public sealed interface RoomEvent permits RoomEvent.Posted, RoomEvent.Joined, RoomEvent.Parted {

    /** The room. */
    RoomRef room();

    <R> R accept(Visitor<R> visitor);

    /**
     * A message was committed; every participant gets it, the author included.
     *
     * @param room    the room
     * @param message the stored message with its room sequence number and server receipt time
     */
    record Posted(RoomRef room, ChatMessage message) implements RoomEvent {
        public Posted {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.posted(this);
        }
    }

    /**
     * A user entered the room; the others get it, the joiner does not.
     *
     * @param room    the room
     * @param userUri who joined
     * @param roles   the roles the user holds in the room (empty for a non-member in an open room)
     * @param batch   whether the join was part of a batch join (several rooms at once)
     */
    record Joined(RoomRef room, String userUri, Set<RoomRole> roles, boolean batch) implements RoomEvent {
        public Joined {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(userUri, "userUri");
            roles = Set.copyOf(roles);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.joined(this);
        }
    }

    /**
     * A user left the room (or was dropped); the others get it.
     *
     * @param room    the room
     * @param userUri who left
     */
    record Parted(RoomRef room, String userUri) implements RoomEvent {
        public Parted {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(userUri, "userUri");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.parted(this);
        }
    }

    /**
     * One method per event type.
     *
     * @param <R> the result type
     */
    interface Visitor<R> {
        R posted(Posted event);

        R joined(Joined event);

        R parted(Parted event);
    }
}
