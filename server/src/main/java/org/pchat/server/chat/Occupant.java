package org.pchat.server.chat;

import java.util.Objects;
import java.util.Set;
import org.pchat.server.domain.RoomRole;

/**
 * A participant joined to a room, with the roles it held when it joined.
 *
 * @param participant the session
 * @param roles       its roles in the room
 */
public record Occupant(Participant participant, Set<RoomRole> roles) {

    public Occupant {
        Objects.requireNonNull(participant, "participant");
        roles = Set.copyOf(roles);
    }

    public String userUri() {
        return participant.userUri();
    }
}
