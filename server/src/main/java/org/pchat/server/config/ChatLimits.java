package org.pchat.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Limits on what a client may send or ask for. The chat defaults are Lync Persistent Chat's
 * (512-character messages, 4096-character stories, 999 rooms per search, participant updates
 * stop above 75 participants).
 *
 * @param messageSizeLimit most characters in a chat message
 * @param storySizeLimit most characters in a story (a long-form post); at least {@code messageSizeLimit}
 * @param searchLimit most rooms returned by one room search
 * @param participantUpdateLimit above this many participants a room stops sending join/part updates
 * @param historyPageLimit most messages returned by one history (backchat or MAM) page
 * @param xccosBodyLimit most bytes in one XCCOS body; at least {@code storySizeLimit}
 * @param fileSizeLimitKb largest file that may be posted to a room, in KB
 */
public record ChatLimits(int messageSizeLimit, int storySizeLimit, int searchLimit, int participantUpdateLimit,
        int historyPageLimit, int xccosBodyLimit, int fileSizeLimitKb) {

    public static final ConfigKey<Integer> MESSAGE_SIZE_LIMIT = ConfigKey.of("chat.message-size-limit",
            ValueType.integer("a character count", 1, 65_535), 512, "Most characters in a chat message.");
    public static final ConfigKey<Integer> STORY_SIZE_LIMIT = ConfigKey.of("chat.story-size-limit",
            ValueType.integer("a character count", 1, 65_535), 4096,
            "Most characters in a story; at least chat.message-size-limit.");
    public static final ConfigKey<Integer> SEARCH_LIMIT = ConfigKey.of("chat.search-limit",
            ValueType.integer("a room count", 1, 10_000), 999, "Most rooms returned by one room search.");
    public static final ConfigKey<Integer> PARTICIPANT_UPDATE_LIMIT = ConfigKey.of("chat.participant-update-limit",
            ValueType.integer("a participant count", 1, 100_000), 75,
            "Above this many participants a room stops sending join and part updates.");
    public static final ConfigKey<Integer> HISTORY_PAGE_LIMIT = ConfigKey.of("chat.history-page-limit",
            ValueType.integer("a message count", 1, 10_000), 100,
            "Most messages returned by one history page (backchat or MAM).");
    public static final ConfigKey<Integer> XCCOS_BODY_LIMIT = ConfigKey.of("xccos.body-limit",
            ValueType.integer("a byte count", 1024, 16_777_216), 65_536,
            "Most bytes in one XCCOS body; at least chat.story-size-limit.");
    public static final ConfigKey<Integer> FILE_SIZE_LIMIT_KB = ConfigKey.of("files.max-size-kb",
            ValueType.integer("a size in KB", 1, 4_194_304), 20_000, "Largest file that may be posted, in KB.");

    public ChatLimits {
        MESSAGE_SIZE_LIMIT.check(messageSizeLimit);
        STORY_SIZE_LIMIT.check(storySizeLimit);
        SEARCH_LIMIT.check(searchLimit);
        PARTICIPANT_UPDATE_LIMIT.check(participantUpdateLimit);
        HISTORY_PAGE_LIMIT.check(historyPageLimit);
        XCCOS_BODY_LIMIT.check(xccosBodyLimit);
        FILE_SIZE_LIMIT_KB.check(fileSizeLimitKb);
        if (storySizeLimit < messageSizeLimit) {
            throw new ConfigException(STORY_SIZE_LIMIT.name() + "=" + storySizeLimit + " is below "
                    + MESSAGE_SIZE_LIMIT.name() + "=" + messageSizeLimit + " (a story holds at least a message)");
        }
        if (xccosBodyLimit < storySizeLimit) {
            throw new ConfigException(XCCOS_BODY_LIMIT.name() + "=" + xccosBodyLimit + " is below "
                    + STORY_SIZE_LIMIT.name() + "=" + storySizeLimit + " (a body must hold a whole story)");
        }
    }

    /** The documented defaults. */
    public static ChatLimits defaults() {
        return from(new Settings(Map.of(), Path.of(".")));
    }

    /** The keys this record is built from. */
    public static List<ConfigKey<?>> keys() {
        return List.of(MESSAGE_SIZE_LIMIT, STORY_SIZE_LIMIT, SEARCH_LIMIT, PARTICIPANT_UPDATE_LIMIT,
                HISTORY_PAGE_LIMIT, XCCOS_BODY_LIMIT, FILE_SIZE_LIMIT_KB);
    }

    static ChatLimits from(Settings settings) {
        return new ChatLimits(settings.get(MESSAGE_SIZE_LIMIT), settings.get(STORY_SIZE_LIMIT),
                settings.get(SEARCH_LIMIT), settings.get(PARTICIPANT_UPDATE_LIMIT), settings.get(HISTORY_PAGE_LIMIT),
                settings.get(XCCOS_BODY_LIMIT), settings.get(FILE_SIZE_LIMIT_KB));
    }
}
