package org.pchat.server.domain;

import java.util.Locale;

/** Compliance message types (xccos.md §8.3). */
public enum ComplianceEventType {
    JOIN,
    PART,
    CHAT,
    BACKCHAT,
    FILEUPLOAD,
    FILEDOWNLOAD;

    /**
     * Parses the upper-case wire name, ignoring case.
     *
     * @throws DirectoryException INVALID naming the value and the accepted ones
     */
    public static ComplianceEventType parse(String text) {
        return TextEnums.parse("compliance event type", text, values(), t -> t.name().toLowerCase(Locale.ROOT));
    }
}
