package org.pchat.server.domain;

import java.util.Locale;

/** Room type (xccos.md §7.3): in an auditorium only presenters may post. */
public enum RoomType {
    NORMAL,
    AUDITORIUM;

    /** The text form used in the database, the CLI and the REST API. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code normal|auditorium}, ignoring case.
     *
     * @throws DirectoryException INVALID naming the value and the accepted ones
     */
    public static RoomType parse(String text) {
        return TextEnums.parse("room type", text, values(), RoomType::text);
    }
}
