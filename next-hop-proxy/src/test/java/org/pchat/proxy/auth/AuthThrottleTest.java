package org.pchat.proxy.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Per-address throttling of failed authentications. */
class AuthThrottleTest {

    private final NonceServiceTest.MutableClock clock = new NonceServiceTest.MutableClock();
    private final AuthThrottle throttle = new AuthThrottle(clock, 3, Duration.ofMinutes(1));

    @Test
    void addressIsThrottledAtTheLimitAndFreedWhenTheWindowPasses() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.isThrottled("192.0.2.1")).isFalse();
            throttle.recordFailure("192.0.2.1");
        }
        assertThat(throttle.isThrottled("192.0.2.1")).isTrue();
        assertThat(throttle.isThrottled("192.0.2.2")).isFalse();

        clock.advance(Duration.ofSeconds(61));
        assertThat(throttle.isThrottled("192.0.2.1")).isFalse();
    }

    @Test
    void successClearsTheRecord() {
        throttle.recordFailure("192.0.2.1");
        throttle.recordFailure("192.0.2.1");
        throttle.recordSuccess("192.0.2.1");

        assertThat(throttle.failures("192.0.2.1")).isZero();
    }
}
