package org.pchat.server.chat;

import java.util.Objects;
import org.pchat.server.domain.Invitation;
import org.pchat.server.domain.RoomDetails;

/**
 * An outstanding invitation with the room it is for.
 *
 * @param invitation the invitation
 * @param room       the room
 */
public record PendingInvitation(Invitation invitation, RoomDetails room) {

    public PendingInvitation {
        Objects.requireNonNull(invitation, "invitation");
        Objects.requireNonNull(room, "room");
    }
}
