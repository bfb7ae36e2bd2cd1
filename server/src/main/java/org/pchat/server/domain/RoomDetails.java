package org.pchat.server.domain;

import java.util.Objects;

/**
 * A room with what every access decision needs: its category and its role lists.
 *
 * @param room     the room
 * @param category the room's category
 * @param roles    the room's role lists (possibly only the entries of one user, when read for that user)
 */
public record RoomDetails(Room room, Category category, RoomRoles roles) {
    public RoomDetails {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(roles, "roles");
        if (!room.categoryId().equals(category.id())) {
            throw new IllegalArgumentException("room '" + room.name() + "' is in category " + room.categoryId()
                    + ", not in '" + category.name() + "' (" + category.id() + ")");
        }
    }
}
