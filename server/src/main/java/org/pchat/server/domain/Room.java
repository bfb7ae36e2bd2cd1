package org.pchat.server.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * A chat room (xccos.md §7). Its roles live in {@link RoomRoles}.
 *
 * @param id          room GUID (the path of its ma-chan:// URI)
 * @param name        unique name (case-insensitive)
 * @param description free text, may be empty
 * @param topic       free text, may be empty
 * @param categoryId  the category it belongs to
 * @param privacy     open, closed (default) or secret
 * @param type        normal or auditorium
 * @param disabled    a disabled room keeps its content but cannot be joined
 * @param addinUrl    URL of the room's add-in page, or {@code null} for none
 * @param invitations inherit the category's setting, or force it
 */
public record Room(UUID id, String name, String description, String topic, UUID categoryId, Privacy privacy,
        RoomType type, boolean disabled, String addinUrl, Invitations invitations) {

    public Room {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(categoryId, "categoryId");
        Objects.requireNonNull(privacy, "privacy");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(invitations, "invitations");
    }
}
