package org.pchat.server.chat;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.pchat.server.domain.RoomDetails;
import org.pchat.server.domain.RoomRole;
import org.pchat.server.domain.RoomType;
import org.pchat.server.rooms.AccessPolicy;
import org.pchat.server.rooms.RoomDirectory;

/**
 * Loads a room and applies the room model's rules ({@link AccessPolicy}, ARCHITECTURE.md §5) for one user,
 * turning a refusal into a {@link ChatException} with a message naming the user, the room and the rule. A room
 * the user may not see is reported as not found, so secret rooms stay invisible.
 */
final class RoomAccess {

    private final RoomDirectory directory;

    RoomAccess(RoomDirectory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** The room, if it exists and the user may see it. */
    RoomDetails visible(String userUri, UUID roomId) {
        RoomDetails room = directory.room(roomId).orElseThrow(() -> notFound(roomId));
        if (!AccessPolicy.canSee(userUri, room)) {
            throw notFound(roomId);
        }
        return room;
    }

    /** The room, if the user may enter it. */
    RoomDetails joinable(String userUri, UUID roomId) {
        RoomDetails room = visible(userUri, roomId);
        if (room.room().disabled()) {
            throw ChatException.forbidden("room " + name(room) + " is disabled and cannot be joined (" + userUri
                    + ")");
        }
        if (!AccessPolicy.canJoin(userUri, room)) {
            throw ChatException.forbidden(userUri + " may not join " + room.room().privacy().text() + " room "
                    + name(room) + ": it is for members only");
        }
        return room;
    }

    /** The room, if the user may post in it. */
    RoomDetails postable(String userUri, UUID roomId) {
        RoomDetails room = joinable(userUri, roomId);
        if (!AccessPolicy.canPost(userUri, room)) {
            if (room.room().type() == RoomType.AUDITORIUM) {
                throw ChatException.forbidden(userUri + " may not post in auditorium room " + name(room)
                        + ": only presenters may post there");
            }
            throw ChatException.forbidden(userUri + " may not post in room " + name(room));
        }
        return room;
    }

    /** The roles the user holds in the room. */
    static Set<RoomRole> roles(String userUri, RoomDetails room) {
        Set<RoomRole> roles = EnumSet.noneOf(RoomRole.class);
        for (RoomRole role : RoomRole.values()) {
            if (room.roles().has(role, userUri)) {
                roles.add(role);
            }
        }
        return roles;
    }

    static RoomRef ref(RoomDetails room) {
        return new RoomRef(room.room().id(), room.room().name());
    }

    static String name(RoomDetails room) {
        return "'" + room.room().name() + "' (" + room.room().id() + ")";
    }

    private static ChatException notFound(UUID roomId) {
        return ChatException.notFound("room " + roomId + " does not exist");
    }
}
