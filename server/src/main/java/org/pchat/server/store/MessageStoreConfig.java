package org.pchat.server.store;

/**
 * Limits of the message store.
 *
 * @param maxPageSize       most messages one read returns
 * @param maxTextLength     longest message text stored (the chat node applies its own, smaller limits)
 * @param maxRichTextLength longest rich-text body stored
 * @param maxSearchRooms    most rooms one search may cover
 */
public record MessageStoreConfig(int maxPageSize, int maxTextLength, int maxRichTextLength, int maxSearchRooms) {

    /** The width of the text columns. */
    public static final int TEXT_COLUMN_LENGTH = 65_535;

    public MessageStoreConfig {
        requireRange("maxPageSize", maxPageSize, 1, 100_000);
        requireRange("maxTextLength", maxTextLength, 1, TEXT_COLUMN_LENGTH);
        requireRange("maxRichTextLength", maxRichTextLength, 1, TEXT_COLUMN_LENGTH);
        requireRange("maxSearchRooms", maxSearchRooms, 1, 10_000);
    }

    /** Pages of up to 1,000 messages, texts up to the column width, searches over up to 999 rooms. */
    public static MessageStoreConfig defaults() {
        return new MessageStoreConfig(1_000, TEXT_COLUMN_LENGTH, TEXT_COLUMN_LENGTH, 999);
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("message store " + name + " is " + value + ", allowed range is "
                    + min + ".." + max);
        }
    }
}
