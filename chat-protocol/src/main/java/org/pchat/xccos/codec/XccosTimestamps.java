package org.pchat.xccos.codec;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * XCCOS timestamps (xccos.md §5.1). Parsing accepts the client form {@code 2013-08-05T10:11:12Z}, the server form
 * with a 7-digit fraction {@code 2010-09-14T14:26:17.6206356Z}, any fraction of 0 to 9 digits, a numeric offset,
 * and no zone at all (read as UTC). Formatting always produces the .NET round-trip form: 7 fraction digits and
 * {@code Z}.
 */
public final class XccosTimestamps {

    private static final DateTimeFormatter PARSER = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private static final DateTimeFormatter FORMATTER = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private XccosTimestamps() {
    }

    /**
     * Parses a timestamp.
     *
     * @throws IllegalArgumentException naming the text when it is not an ISO-8601 date-time
     */
    public static Instant parse(String text) {
        try {
            TemporalAccessor parsed = PARSER.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime offset
                    ? offset.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text
                    + "' is not an ISO-8601 date-time such as 2013-08-05T10:11:12Z or 2010-09-14T14:26:17.6206356Z", e);
        }
    }

    /** Formats an instant as {@code yyyy-MM-ddTHH:mm:ss.fffffffZ} (UTC, 100 ns precision, truncated). */
    public static String format(Instant instant) {
        return FORMATTER.format(instant);
    }
}
