package org.pchat.server.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pchat.server.web.MutableClock;
import org.pchat.server.web.WebConfig.SessionConfig;
import org.pchat.server.web.http.ApiException;

class SessionStoreTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final SessionConfig config = new SessionConfig(Duration.ofMinutes(30), Duration.ofHours(2), 2, 3,
            Duration.ofMinutes(5));
    private final SessionStore store = new SessionStore(config, clock, new SecureRandom());

    @Test
    void sessionEndsAfterIdleTimeoutButUseKeepsItAlive() {
        String token = store.create("sip:a@example.com", AuthMethod.COOKIE).token();

        clock.advance(Duration.ofMinutes(20));
        assertThat(store.find(token)).isPresent();
        clock.advance(Duration.ofMinutes(20));
        assertThat(store.find(token)).isPresent();
        clock.advance(Duration.ofMinutes(31));
        assertThat(store.find(token)).isEmpty();
    }

    @Test
    void sessionEndsAtMaximumAgeEvenWhenUsed() {
        String token = store.create("sip:a@example.com", AuthMethod.BEARER).token();
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(25));
            assertThat(store.find(token)).isPresent();
        }

        clock.advance(Duration.ofMinutes(25));

        assertThat(store.find(token)).isEmpty();
    }

    @Test
    void revokedAndUnknownTokensFindNothing() {
        String token = store.create("sip:a@example.com", AuthMethod.BEARER).token();

        assertThat(store.revoke(token)).isTrue();
        assertThat(store.find(token)).isEmpty();
        assertThat(store.find("forged")).isEmpty();
    }

    @Test
    void storeRefusesSessionsBeyondItsLimit() {
        store.create("sip:a@example.com", AuthMethod.COOKIE);
        store.create("sip:b@example.com", AuthMethod.COOKIE);

        assertThatThrownBy(() -> store.create("sip:c@example.com", AuthMethod.COOKIE))
                .isInstanceOf(ApiException.class).hasMessageContaining("limit is 2")
                .hasMessageContaining("sip:c@example.com");
    }

    @Test
    void toStringNeverShowsTheTokens() {
        SessionStore.Issued issued = store.create("sip:a@example.com", AuthMethod.COOKIE);

        assertThat(issued.toString()).doesNotContain(issued.token()).doesNotContain(issued.session().csrfToken());
    }

    @Test
    void loginThrottleLocksOutAfterRepeatedFailuresUntilTheLockoutPasses() {
        LoginThrottle throttle = new LoginThrottle(config, clock);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.lockedOut("sip:a@example.com")).isFalse();
            throttle.failed("sip:a@example.com");
        }

        assertThat(throttle.lockedOut("sip:a@example.com")).isTrue();
        assertThat(throttle.lockedOut("sip:b@example.com")).isFalse();
        clock.advance(Duration.ofMinutes(6));
        assertThat(throttle.lockedOut("sip:a@example.com")).isFalse();
    }
}
