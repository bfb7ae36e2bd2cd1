package org.pchat.server.config;

import java.util.List;
import org.pchat.server.rooms.DirectoryConfig;

/**
 * The keys of the room directory's limits, mapped onto {@link DirectoryConfig}. The most rooms a
 * search returns is {@code chat.search-limit}, shared with the chat node.
 */
public final class DirectorySettings {

    public static final ConfigKey<Integer> MAX_NAME_LENGTH = ConfigKey.of("directory.max-name-length",
            ValueType.integer("a character count", 1, 256), 256, "Longest room or category name.");
    public static final ConfigKey<Integer> MAX_TEXT_LENGTH = ConfigKey.of("directory.max-text-length",
            ValueType.integer("a character count", 1, 1024), 1024, "Longest room or category description or topic.");
    public static final ConfigKey<Integer> MAX_ADDIN_URL_LENGTH = ConfigKey.of("directory.max-addin-url-length",
            ValueType.integer("a character count", 1, 2048), 2048, "Longest add-in URL.");
    public static final ConfigKey<Integer> MAX_ROLE_ENTRIES = ConfigKey.of("directory.max-role-entries",
            ValueType.integer("a user count", 1, 100_000), 10_000,
            "Most users in one role list (members, managers, presenters) of a room.");
    public static final ConfigKey<Integer> MAX_PRINCIPALS = ConfigKey.of("directory.max-principals",
            ValueType.integer("a principal count", 1, 10_000), 1_000,
            "Most principals in one list (allowed, denied, creators) of a category.");

    private DirectorySettings() {
    }

    /** The directory's own keys. */
    public static List<ConfigKey<?>> keys() {
        return List.of(MAX_NAME_LENGTH, MAX_TEXT_LENGTH, MAX_ADDIN_URL_LENGTH, MAX_ROLE_ENTRIES, MAX_PRINCIPALS);
    }

    static DirectoryConfig resolve(Settings settings, ChatLimits limits) {
        try {
            return new DirectoryConfig(settings.get(MAX_NAME_LENGTH), settings.get(MAX_TEXT_LENGTH),
                    settings.get(MAX_ADDIN_URL_LENGTH), settings.get(MAX_ROLE_ENTRIES), settings.get(MAX_PRINCIPALS),
                    limits.searchLimit());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("directory.* or chat.search-limit rejected: " + e.getMessage(), e);
        }
    }
}
