package org.pchat.server.web;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.pchat.server.config.ChatLimits;
import org.pchat.server.config.HttpConfig;

/**
 * Every limit of the HTTP server, validated on construction; errors name the setting, the value seen and the
 * allowed range. Built from {@link HttpConfig} and {@link ChatLimits}; the settings that have no configuration
 * key yet take the defaults of {@link #from(HttpConfig, ChatLimits, Optional)}.
 *
 * @param bindAddress          address to listen on
 * @param port                 TCP port (0: any free port, for tests)
 * @param publicUrl            URL given to clients for links; empty: derived from the request
 * @param tls                  HTTPS instead of HTTP when present
 * @param maxThreads           most request threads (requests block on the database on these threads)
 * @param maxQueuedRequests    most requests waiting for a thread; beyond, connections are refused
 * @param idleTimeout          an idle connection is closed after this long
 * @param maxJsonBytes         largest JSON or SOAP request body
 * @param maxFormBytes         largest HTML form body
 * @param session              browser sessions and API tokens
 * @param historyPageLimit     most messages one history page returns
 */
public record WebConfig(String bindAddress, int port, Optional<URI> publicUrl, Optional<Tls> tls, int maxThreads,
        int maxQueuedRequests, Duration idleTimeout, int maxJsonBytes, int maxFormBytes, SessionConfig session,
        int historyPageLimit) {

    public WebConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        requireRange("port", port, 0, 65_535);
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(tls, "tls");
        requireRange("maxThreads", maxThreads, 4, 1_000);
        requireRange("maxQueuedRequests", maxQueuedRequests, 1, 100_000);
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.isNegative() || idleTimeout.isZero() || idleTimeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("http idleTimeout is " + idleTimeout + ", allowed range is PT0.001S..PT1H");
        }
        requireRange("maxJsonBytes", maxJsonBytes, 1_024, 16 * 1024 * 1024);
        requireRange("maxFormBytes", maxFormBytes, 1_024, 16 * 1024 * 1024);
        Objects.requireNonNull(session, "session");
        requireRange("historyPageLimit", historyPageLimit, 1, 10_000);
    }

    /**
     * HTTPS settings: a PKCS#12 or JKS key store holding the server's certificate and key.
     *
     * @param keyStore the key store file
     * @param password its password; masked in {@link #toString()}
     */
    public record Tls(Path keyStore, String password) {
        public Tls {
            Objects.requireNonNull(keyStore, "keyStore");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Tls[keyStore=" + keyStore + ", password=***]";
        }
    }

    /**
     * Browser sessions (cookie) and API bearer tokens, held in memory on this node.
     *
     * @param idleTimeout         a session unused for this long ends
     * @param maxAge              a session ends this long after login, used or not
     * @param maxSessions         most live sessions and tokens on this node
     * @param maxLoginFailures    failed logins for one account before it is locked out for {@code lockout}
     * @param lockout             how long a locked-out account is refused
     */
    public record SessionConfig(Duration idleTimeout, Duration maxAge, int maxSessions, int maxLoginFailures,
            Duration lockout) {
        public SessionConfig {
            requireDuration("session idleTimeout", idleTimeout, Duration.ofMinutes(1), Duration.ofDays(1));
            requireDuration("session maxAge", maxAge, Duration.ofMinutes(1), Duration.ofDays(30));
            requireRange("maxSessions", maxSessions, 1, 1_000_000);
            requireRange("maxLoginFailures", maxLoginFailures, 1, 1_000);
            requireDuration("login lockout", lockout, Duration.ofSeconds(1), Duration.ofDays(1));
        }

        /** 30 minutes idle, 12 hours at most, 10,000 sessions, 10 failures lock an account for 5 minutes. */
        public static SessionConfig defaults() {
            return new SessionConfig(Duration.ofMinutes(30), Duration.ofHours(12), 10_000, 10, Duration.ofMinutes(5));
        }
    }

    /**
     * The configuration from the HTTP settings and chat limits, with defaults for the rest: 64 threads,
     * 1,024 queued requests, 30 s idle connections, 1 MB JSON and form bodies.
     *
     * @param tls HTTPS settings (no configuration key yet)
     */
    public static WebConfig from(HttpConfig http, ChatLimits limits, Optional<Tls> tls) {
        return new WebConfig(http.bindAddress(), http.port(), http.publicUrl(), tls, 64, 1_024, Duration.ofSeconds(30),
                1024 * 1024, 1024 * 1024, SessionConfig.defaults(), limits.historyPageLimit());
    }

    /** A copy listening on another port. */
    public WebConfig withPort(int value) {
        return new WebConfig(bindAddress, value, publicUrl, tls, maxThreads, maxQueuedRequests, idleTimeout,
                maxJsonBytes, maxFormBytes, session, historyPageLimit);
    }

    /** A copy with other session settings. */
    public WebConfig withSession(SessionConfig value) {
        return new WebConfig(bindAddress, port, publicUrl, tls, maxThreads, maxQueuedRequests, idleTimeout,
                maxJsonBytes, maxFormBytes, value, historyPageLimit);
    }

    /** A copy serving HTTPS. */
    public WebConfig withTls(Tls value) {
        return new WebConfig(bindAddress, port, publicUrl, Optional.of(value), maxThreads, maxQueuedRequests,
                idleTimeout, maxJsonBytes, maxFormBytes, session, historyPageLimit);
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("http " + name + " is " + value + ", allowed range is " + min + ".."
                    + max);
        }
    }

    private static void requireDuration(String name, Duration value, Duration min, Duration max) {
        Objects.requireNonNull(value, name);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("http " + name + " is " + value + ", allowed range is " + min + ".."
                    + max);
        }
    }
}
