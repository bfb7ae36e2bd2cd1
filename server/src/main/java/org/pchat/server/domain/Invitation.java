package org.pchat.server.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An invitation to a room, issued when a user is added to its members and the room's
 * invitations are on (xccos.md §7.7).
 *
 * @param id        invitation id (the inviteId on the wire)
 * @param userUri   the invited user
 * @param roomId    the room
 * @param createdAt when it was issued
 */
public record Invitation(long id, String userUri, UUID roomId, Instant createdAt) {
    public Invitation {
        Objects.requireNonNull(userUri, "userUri");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
