package org.pchat.server.domain;

import java.util.Locale;

/** Room privacy (xccos.md §7.2): who sees a room and who may join it. */
public enum Privacy {
    /** Visible to and joinable by everyone in the category's scope. */
    OPEN,
    /** Visible to everyone in scope, joinable only by members (the default). */
    CLOSED,
    /** Visible only to members (and managers). */
    SECRET;

    /** The text form used in the database, the CLI and the REST API. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code open|closed|secret}, ignoring case.
     *
     * @throws DirectoryException INVALID: "privacy 'public' is not one of open|closed|secret"
     */
    public static Privacy parse(String text) {
        return TextEnums.parse("privacy", text, values(), Privacy::text);
    }
}
