package org.pchat.server.domain;

import java.util.Locale;

/** Room roles (xccos.md §7.4). */
public enum RoomRole {
    /** Joins and reads closed and secret rooms. */
    MEMBER,
    /** Edits the room's properties and role lists; joins only if also a member. */
    MANAGER,
    /** Posts in auditorium rooms. */
    PRESENTER;

    /** The text form used in the database, the CLI and the REST API. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code member|manager|presenter}, ignoring case.
     *
     * @throws DirectoryException INVALID naming the value and the accepted ones
     */
    public static RoomRole parse(String text) {
        return TextEnums.parse("room role", text, values(), RoomRole::text);
    }
}
