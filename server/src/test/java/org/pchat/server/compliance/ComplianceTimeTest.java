package org.pchat.server.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The three time forms of the Lync compliance XML, checked against the values of its sample (xccos.md §8.3). */
class ComplianceTimeTest {

    @Test
    void messageTimeOfTheLyncSampleHasItsThreeForms() {
        ComplianceTime time = ComplianceTime.of(Instant.parse("2008-03-12T19:56:40.522264Z"));

        assertThat(time).isEqualTo(new ComplianceTime(1205351800522L, "2008-03-12T19:56:40.522264Z",
                633409486005222640L));
    }

    @Test
    void sevenDigitFractionOfTheLyncSampleKeepsEveryTick() {
        ComplianceTime time = ComplianceTime.of(Instant.parse("2008-06-04T20:15:40.9535482Z"));

        assertThat(time.since1970()).isEqualTo(1212610540953L);
        assertThat(time.ticks()).isEqualTo(633482073409535482L);
    }

    @Test
    void unixEpochIsTheDotNetEpochTickOffset() {
        assertThat(ComplianceTime.of(Instant.EPOCH).ticks()).isEqualTo(621355968000000000L);
    }
}
