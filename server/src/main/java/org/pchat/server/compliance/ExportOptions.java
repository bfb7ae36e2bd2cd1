package org.pchat.server.compliance;

/**
 * What an export writes, after the Lync compliance adapter settings.
 *
 * @param oneRoomPerFile one output file per chat room (OneChatRoomPerOutputFile)
 * @param roomDetails    add room name, description and category (AddChatRoomDetails)
 * @param userDetails    add the user's display name (AddUserDetails)
 * @param eventsPerFile  most events in one output file (and in memory at once)
 */
public record ExportOptions(boolean oneRoomPerFile, boolean roomDetails, boolean userDetails, int eventsPerFile) {

    /** Smallest and largest events per file. */
    public static final int MIN_EVENTS_PER_FILE = 1;
    public static final int MAX_EVENTS_PER_FILE = 100_000;
    public static final int DEFAULT_EVENTS_PER_FILE = 5_000;

    public ExportOptions {
        if (eventsPerFile < MIN_EVENTS_PER_FILE || eventsPerFile > MAX_EVENTS_PER_FILE) {
            throw new IllegalArgumentException("compliance events per file " + eventsPerFile
                    + " is outside the allowed range " + MIN_EVENTS_PER_FILE + ".." + MAX_EVENTS_PER_FILE);
        }
    }

    /** No details, all rooms in one file, the default file size. */
    public static ExportOptions defaults() {
        return new ExportOptions(false, false, false, DEFAULT_EVENTS_PER_FILE);
    }
}
