package org.pchat.server.domain;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * The role lists of one room: normalized user URIs.
 *
 * @param members    may join and read closed and secret rooms
 * @param managers   may manage the room (join only if also members)
 * @param presenters may post in an auditorium
 */
public record RoomRoles(Set<String> members, Set<String> managers, Set<String> presenters) {

    private static final RoomRoles NONE = new RoomRoles(Set.of(), Set.of(), Set.of());

    public RoomRoles {
        members = normalized(members, "members");
        managers = normalized(managers, "managers");
        presenters = normalized(presenters, "presenters");
    }

    /** No one holds any role. */
    public static RoomRoles none() {
        return NONE;
    }

    /** The URIs holding the role. */
    public Set<String> holders(RoomRole role) {
        return switch (role) {
            case MEMBER -> members;
            case MANAGER -> managers;
            case PRESENTER -> presenters;
        };
    }

    /** Whether the user holds the role. */
    public boolean has(RoomRole role, String normalizedUserUri) {
        return holders(role).contains(normalizedUserUri);
    }

    /** Every URI holding at least one role. */
    public Set<String> everyone() {
        Set<String> all = new HashSet<>(members);
        all.addAll(managers);
        all.addAll(presenters);
        return Set.copyOf(all);
    }

    /** A copy with one role list replaced. */
    public RoomRoles with(RoomRole role, Collection<String> uris) {
        return switch (role) {
            case MEMBER -> new RoomRoles(Set.copyOf(uris), managers, presenters);
            case MANAGER -> new RoomRoles(members, Set.copyOf(uris), presenters);
            case PRESENTER -> new RoomRoles(members, managers, Set.copyOf(uris));
        };
    }

    private static Set<String> normalized(Set<String> uris, String what) {
        if (uris == null) {
            throw new NullPointerException(what);
        }
        return Sorted.copyOf(uris.stream().map(UserUris::normalize).toList(), Function.identity(), what);
    }
}
