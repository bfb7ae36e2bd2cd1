package org.pchat.server.chat;

import java.util.Objects;
import java.util.UUID;

/**
 * A room as events name it.
 *
 * @param id   the room GUID
 * @param name the room name
 */
public record RoomRef(UUID id, String name) {

    public RoomRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return "'" + name + "' (" + id + ")";
    }
}
