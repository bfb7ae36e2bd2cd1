package org.pchat.server.domain;

import java.util.Locale;

/** Role of a node in the pool. */
public enum NodeRole {
    ACTIVE,
    STANDBY;

    /** The text form used in the database. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code active|standby}, ignoring case.
     *
     * @throws DirectoryException INVALID naming the value and the accepted ones
     */
    public static NodeRole parse(String text) {
        return TextEnums.parse("node role", text, values(), NodeRole::text);
    }
}
