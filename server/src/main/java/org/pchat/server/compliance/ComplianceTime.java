package org.pchat.server.compliance;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * A time in the three forms of the Lync compliance XML (xccos.md §8.3): Unix milliseconds ({@code since1970}), ISO
 * 8601 UTC text ({@code string}) and .NET ticks ({@code long}: 100 ns units since 0001-01-01T00:00:00Z).
 *
 * @param since1970 milliseconds since 1970-01-01T00:00:00Z
 * @param string    ISO 8601 in UTC, e.g. {@code 2008-03-12T19:56:40.522264Z}
 * @param ticks     .NET {@code DateTime.Ticks}
 */
public record ComplianceTime(long since1970, String string, long ticks) {

    /** Seconds from 0001-01-01T00:00:00Z to the Unix epoch. */
    static final long EPOCH_SECONDS_SINCE_YEAR_ONE = 62_135_596_800L;
    private static final long TICKS_PER_SECOND = 10_000_000L;
    private static final long NANOS_PER_TICK = 100L;

    public ComplianceTime {
        Objects.requireNonNull(string, "string");
    }

    /** The three forms of an instant. */
    public static ComplianceTime of(Instant instant) {
        long ticks = (instant.getEpochSecond() + EPOCH_SECONDS_SINCE_YEAR_ONE) * TICKS_PER_SECOND
                + instant.getNano() / NANOS_PER_TICK;
        return new ComplianceTime(instant.toEpochMilli(), DateTimeFormatter.ISO_INSTANT.format(instant), ticks);
    }
}
