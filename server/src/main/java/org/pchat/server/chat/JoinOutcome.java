package org.pchat.server.chat;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.pchat.server.domain.RoomDetails;
import org.pchat.server.domain.RoomRole;

/**
 * A successful join.
 *
 * @param room          the room
 * @param roles         the joiner's roles in it
 * @param participants  the room's participants including the joiner, in join order; only the joiner when the
 *                      room is above the participant update limit
 * @param listed        false when the participant list was withheld because the room is above the limit
 * @param alreadyJoined true when the session was already in the room (the join re-sends the state only)
 */
public record JoinOutcome(RoomDetails room, Set<RoomRole> roles, List<ParticipantInfo> participants, boolean listed,
        boolean alreadyJoined) {

    public JoinOutcome {
        Objects.requireNonNull(room, "room");
        roles = Set.copyOf(roles);
        participants = List.copyOf(participants);
    }

    /**
     * A participant as a join reply lists it.
     *
     * @param userUri the user
     * @param roles   the user's roles in the room
     */
    public record ParticipantInfo(String userUri, Set<RoomRole> roles) {
        public ParticipantInfo {
            Objects.requireNonNull(userUri, "userUri");
            roles = Set.copyOf(roles);
        }
    }
}
