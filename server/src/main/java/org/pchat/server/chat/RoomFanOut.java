package org.pchat.server.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a room event to the room's participants on this node, on the room's lane. Nothing here blocks, so one
 * slow client cannot stall a room: a participant that cannot take the event (its bounded outbound queue is
 * full, or it closed) is returned to the caller, which removes it from the room.
 */
final class RoomFanOut {

    private static final Logger LOG = LoggerFactory.getLogger(RoomFanOut.class);

    private final String nodeId;
    private final RoomRegistry registry;

    RoomFanOut(String nodeId, RoomRegistry registry) {
        this.nodeId = nodeId;
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Delivers {@code event} to every participant of its room except {@code except} (null: everyone). Join and
     * part notices are skipped while the room is above the participant update limit (xccos.md §7.6).
     *
     * @return the participants that could not take the event
     */
    List<Participant> publish(RoomEvent event, Participant except) {
        if (!(event instanceof RoomEvent.Posted) && registry.updatesSuppressed(event.room().id())) {
            return List.of();
        }
        List<Participant> refused = new ArrayList<>();
        for (Occupant occupant : registry.occupants(event.room().id())) {
            Participant participant = occupant.participant();
            if (participant != except && !deliver(participant, event)) {
                refused.add(participant);
            }
        }
        return refused;
    }

    private boolean deliver(Participant participant, RoomEvent event) {
        try {
            return participant.deliver(event);
        } catch (RuntimeException e) {
            LOG.error("{} - delivery to {} (session {}) in room {} failed: {}", nodeId, participant.userUri(),
                    participant.id(), event.room(), e.toString(), e);
            return false;
        }
    }
}
