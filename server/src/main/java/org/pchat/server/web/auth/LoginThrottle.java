package org.pchat.server.web.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.pchat.server.web.WebConfig.SessionConfig;

/**
 * Slows password guessing: after {@code maxLoginFailures} failed logins of one account, that account's
 * password is not even checked until {@code lockout} has passed. A success clears the count. At most
 * {@value #MAX_TRACKED} accounts are tracked; beyond, the stale entries are dropped first.
 */
public final class LoginThrottle {

    static final int MAX_TRACKED = 100_000;

    private final SessionConfig config;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(SessionConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private record Failures(int count, Instant last) {
    }

    /** Whether the account is locked out now. */
    public boolean lockedOut(String account) {
        Failures f = failures.get(account);
        return f != null && f.count() >= config.maxLoginFailures()
                && clock.instant().isBefore(f.last().plus(config.lockout()));
    }

    /** Counts a failed login. */
    public void failed(String account) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_TRACKED) {
            failures.values().removeIf(f -> !now.isBefore(f.last().plus(config.lockout())));
        }
        failures.merge(account, new Failures(1, now), (old, one) -> {
            boolean expired = !now.isBefore(old.last().plus(config.lockout()));
            return new Failures(expired ? 1 : old.count() + 1, now);
        });
    }

    /** Clears the account's failures. */
    public void succeeded(String account) {
        failures.remove(account);
    }
}
