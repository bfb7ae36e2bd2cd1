package org.pchat.interop.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The model workload's rates are the Lync Server 2013 "Persistent Chat Server Performance User Model": per 80,000
 * users, 22.22 posts/s in small rooms, 1.67 in medium rooms, ~0.15 in large rooms, and a peak of 10 joins/s.
 */
class LoadModelRatesTest {

    @Test
    void postsPerClassAtTwentyThousandUsersAreAQuarterOfTheModelsPoolRates() {
        double total = LoadDriver.MODEL_POSTS_PER_USER * 20_000;
        assertThat(total * LoadDriver.CLASS_SHARE[0]).isCloseTo(22.22 / 4, within(1e-9));
        assertThat(total * LoadDriver.CLASS_SHARE[1]).isCloseTo(1.67 / 4, within(1e-9));
        assertThat(total * LoadDriver.CLASS_SHARE[2]).isCloseTo(0.15 / 4, within(1e-9));
    }

    @Test
    void sharesCoverEveryPostAndTheTotalIsTheModelsTwentyFourPerSecond() {
        assertThat(LoadDriver.CLASS_SHARE[0] + LoadDriver.CLASS_SHARE[1] + LoadDriver.CLASS_SHARE[2])
                .isCloseTo(1.0, within(1e-12));
        assertThat(LoadDriver.MODEL_POSTS_PER_USER * 80_000).isCloseTo(24.0, within(0.05));
        assertThat(LoadDriver.MODEL_JOINS_PER_USER * 80_000).isCloseTo(10.0, within(1e-9));
    }
}
