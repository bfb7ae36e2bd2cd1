package org.pchat.server.chat;

import java.util.Objects;
import org.pchat.server.domain.RoomDetails;

/**
 * A room in a search result.
 *
 * @param room         the room with its category and roles
 * @param participants sessions joined to it on this node
 */
public record RoomListing(RoomDetails room, int participants) {

    public RoomListing {
        Objects.requireNonNull(room, "room");
    }
}
