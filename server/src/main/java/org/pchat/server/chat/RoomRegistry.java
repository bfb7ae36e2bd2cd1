package org.pchat.server.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.pchat.server.domain.RoomRole;

/**
 * Who is joined where on this node. Changes to a room happen on that room's lane, so they are ordered; reads
 * (participant counts for search) may come from any thread and see a consistent snapshot. Also keeps each
 * room's participant-update suppression state (xccos.md §7.6).
 */
public final class RoomRegistry {

    private final ChatServiceConfig config;
    private final Map<UUID, Presence> rooms = new ConcurrentHashMap<>();
    private final Map<String, Set<UUID>> roomsByParticipant = new ConcurrentHashMap<>();

    public RoomRegistry(ChatServiceConfig config) {
        this.config = config;
    }

    /**
     * Adds a participant to a room (or refreshes its roles when already there).
     *
     * @return true when the participant was not joined before
     */
    public boolean join(RoomRef room, Participant participant, Set<RoomRole> roles) {
        boolean added = rooms.computeIfAbsent(room.id(), id -> new Presence(room)).put(new Occupant(participant, roles));
        roomsByParticipant.computeIfAbsent(participant.id(), id -> ConcurrentHashMap.newKeySet()).add(room.id());
        return added;
    }

    /** The room as it was named when its first current participant joined, while anyone is joined. */
    public Optional<RoomRef> ref(UUID roomId) {
        Presence presence = rooms.get(roomId);
        return presence == null ? Optional.empty() : Optional.of(presence.room);
    }

    /**
     * Removes a participant from a room.
     *
     * @return true when it was joined
     */
    public boolean part(UUID roomId, Participant participant) {
        Presence presence = rooms.get(roomId);
        boolean removed = presence != null && presence.remove(participant.id());
        Set<UUID> mine = roomsByParticipant.get(participant.id());
        if (mine != null) {
            mine.remove(roomId);
            if (mine.isEmpty()) {
                roomsByParticipant.remove(participant.id(), mine);
            }
        }
        if (presence != null && presence.isEmpty()) {
            rooms.remove(roomId, presence);
        }
        return removed;
    }

    /** Whether the participant is joined to the room. */
    public boolean isJoined(UUID roomId, Participant participant) {
        Presence presence = rooms.get(roomId);
        return presence != null && presence.contains(participant.id());
    }

    /** The room's participants in join order (a snapshot). */
    public List<Occupant> occupants(UUID roomId) {
        Presence presence = rooms.get(roomId);
        return presence == null ? List.of() : presence.snapshot();
    }

    /** How many sessions are joined to the room. */
    public int count(UUID roomId) {
        Presence presence = rooms.get(roomId);
        return presence == null ? 0 : presence.size();
    }

    /** The rooms a participant is joined to (a snapshot). */
    public Set<UUID> roomsOf(Participant participant) {
        Set<UUID> mine = roomsByParticipant.get(participant.id());
        return mine == null ? Set.of() : Set.copyOf(mine);
    }

    /** Whether the room currently suppresses join/part notices and participant lists (xccos.md §7.6). */
    public boolean updatesSuppressed(UUID roomId) {
        Presence presence = rooms.get(roomId);
        return presence != null && presence.suppressed();
    }

    /** One room's participants; the monitor guards the map and the suppression flag together. */
    private final class Presence {
        private final RoomRef room;
        private final Map<String, Occupant> occupants = new LinkedHashMap<>();
        private boolean suppressed;

        Presence(RoomRef room) {
            this.room = room;
        }

        synchronized boolean put(Occupant occupant) {
            boolean added = occupants.put(occupant.participant().id(), occupant) == null;
            suppressed = config.suppressesUpdates(occupants.size(), suppressed);
            return added;
        }

        synchronized boolean remove(String participantId) {
            boolean removed = occupants.remove(participantId) != null;
            suppressed = config.suppressesUpdates(occupants.size(), suppressed);
            return removed;
        }

        synchronized boolean contains(String participantId) {
            return occupants.containsKey(participantId);
        }

        synchronized List<Occupant> snapshot() {
            return new ArrayList<>(occupants.values());
        }

        synchronized int size() {
            return occupants.size();
        }

        synchronized boolean isEmpty() {
            return occupants.isEmpty();
        }

        synchronized boolean suppressed() {
            return suppressed;
        }
    }
}
