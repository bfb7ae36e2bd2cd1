package org.pchat.proxy.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Nonce lifetime and replay protection (RFC 7616 §3.3, §5.4). */
class NonceServiceTest {

    private final MutableClock clock = new MutableClock();
    private final NonceService nonces = new NonceService(clock, Duration.ofMinutes(5), 1000, new SecureRandom());

    @Test
    void freshNonceWithIncreasingCountsIsValid() {
        String nonce = nonces.issue();

        assertThat(nonces.check(nonce, "00000001")).isEqualTo(NonceService.Verdict.VALID);
        assertThat(nonces.check(nonce, "00000002")).isEqualTo(NonceService.Verdict.VALID);
    }

    @Test
    void replayedCountIsStale_rfc7616_5_4() {
        String nonce = nonces.issue();
        nonces.check(nonce, "00000001");

        assertThat(nonces.check(nonce, "00000001")).isEqualTo(NonceService.Verdict.STALE);
    }

    @Test
    void expiredNonceIsStale_rfc7616_3_3() {
        String nonce = nonces.issue();
        clock.advance(Duration.ofMinutes(6));

        assertThat(nonces.check(nonce, "00000001")).isEqualTo(NonceService.Verdict.STALE);
    }

    @Test
    void forgedOrAlteredNonceIsForeign() {
        String nonce = nonces.issue();
        char last = nonce.charAt(nonce.length() - 1);
        String altered = nonce.substring(0, nonce.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(nonces.check(altered, "00000001")).isEqualTo(NonceService.Verdict.FOREIGN);
        assertThat(nonces.check("dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001"))
                .isEqualTo(NonceService.Verdict.FOREIGN);
    }

    @Test
    void everyOtherLastCharacterMakesTheNonceForeign() {
        String nonce = nonces.issue();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (char c : alphabet.toCharArray()) {
            if (c != nonce.charAt(nonce.length() - 1)) {
                String altered = nonce.substring(0, nonce.length() - 1) + c;
                assertThat(nonces.check(altered, "00000001")).as("last character %s", c)
                        .isEqualTo(NonceService.Verdict.FOREIGN);
            }
        }
    }

    @Test
    void nonceOfAnotherProcessIsForeign() {
        NonceService other = new NonceService(clock, Duration.ofMinutes(5), 1000, new SecureRandom());

        assertThat(nonces.check(other.issue(), "00000001")).isEqualTo(NonceService.Verdict.FOREIGN);
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
