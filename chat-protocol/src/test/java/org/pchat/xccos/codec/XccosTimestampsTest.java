package org.pchat.xccos.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Timestamp forms of xccos.md §5.1 and §4.2. */
class XccosTimestampsTest {

    @Test
    @DisplayName("§5.1: the client form with seconds and Z parses")
    void parsesClientForm() {
        assertThat(XccosTimestamps.parse("2013-08-05T10:11:12Z")).isEqualTo(Instant.parse("2013-08-05T10:11:12Z"));
    }

    @Test
    @DisplayName("§4.2: the server form with 7 fraction digits parses")
    void parsesServerForm() {
        assertThat(XccosTimestamps.parse("2010-09-14T14:26:17.6206356Z"))
                .isEqualTo(Instant.ofEpochSecond(1284474377L, 620_635_600));
    }

    @Test
    @DisplayName("§5.1: no zone reads as UTC")
    void parsesWithoutZoneAsUtc() {
        assertThat(XccosTimestamps.parse("2010-09-14T14:26:17.6206356"))
                .isEqualTo(Instant.parse("2010-09-14T14:26:17.6206356Z"));
    }

    @Test
    @DisplayName("§5.1: a numeric offset is honoured")
    void parsesNumericOffset() {
        assertThat(XccosTimestamps.parse("2013-08-05T12:11:12+02:00")).isEqualTo(Instant.parse("2013-08-05T10:11:12Z"));
    }

    @Test
    @DisplayName("§5.1: formatting writes 7 fraction digits and Z")
    void formatsSevenDigits() {
        assertThat(XccosTimestamps.format(Instant.parse("2013-08-05T10:11:12Z"))).isEqualTo("2013-08-05T10:11:12.0000000Z");
    }

    @Test
    @DisplayName("§5.1: formatting truncates below 100 ns")
    void formatTruncatesBelowTicks() {
        assertThat(XccosTimestamps.format(Instant.parse("2010-09-14T14:26:17.620635699Z")))
                .isEqualTo("2010-09-14T14:26:17.6206356Z");
    }

    @Test
    @DisplayName("§5.1: garbage is refused naming the text and the accepted forms")
    void refusesGarbage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> XccosTimestamps.parse("05/08/2013 10:11"));

        assertThat(e.getMessage()).startsWith("'05/08/2013 10:11' is not an ISO-8601 date-time");
    }
}
