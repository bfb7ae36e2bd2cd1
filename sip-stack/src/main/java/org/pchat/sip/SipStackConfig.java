package org.pchat.sip;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Every setting and limit of one SIP endpoint, validated on construction. Error messages name the value seen,
 * the limit and the stack.
 *
 * @param stackName                    JAIN-SIP stack name; also the identity in logs and errors
 * @param bindAddress                  IP literal the listening points bind to
 * @param advertisedHost               host written in Via sent-by and Contact (what peers should use)
 * @param listeningPoints              one per transport; port 0 = pick a free port
 * @param tls                          key material, required when a TLS listening point is configured
 * @param maxMessageSize               largest SIP message accepted, bytes (JAIN-SIP MAX_MESSAGE_SIZE)
 * @param threadPoolSize               JAIN-SIP message processing threads, and the endpoint's send threads
 * @param maxConnections               most TCP/TLS connections the stack keeps
 * @param connectTimeoutMillis         TCP/TLS connect and TLS handshake timeout
 * @param idleConnectionTimeoutSeconds a connection without traffic this long is closed
 * @param sessionExpiresSeconds        RFC 4028 session interval put on 2xx to INVITE and UPDATE
 * @param allowShortSessionInterval    test-only: allows a session interval below RFC 4028's Min-SE of 90 s
 * @param t1Millis                     RFC 3261 timer T1 for requests the endpoint sends (timeout = 64*T1)
 * @param compactFinishedTransactions  whether a finished transaction keeps its messages only as bytes while it
 *                                     waits out its timers ({@link #compactFinishedTransactions})
 */
public record SipStackConfig(
        String stackName,
        String bindAddress,
        String advertisedHost,
        List<ListeningPointSpec> listeningPoints,
        Optional<TlsSettings> tls,
        int maxMessageSize,
        int threadPoolSize,
        int maxConnections,
        int connectTimeoutMillis,
        int idleConnectionTimeoutSeconds,
        int sessionExpiresSeconds,
        boolean allowShortSessionInterval,
        int t1Millis,
        boolean compactFinishedTransactions) {

    /** RFC 4028 §4: the recommended (and our production) minimum session interval. */
    public static final int RFC4028_MIN_SE_SECONDS = 90;
    /** RFC 4028 §4 recommends 1800 s. */
    public static final int DEFAULT_SESSION_EXPIRES_SECONDS = 1800;
    /** Lower bound of the session interval when {@code allowShortSessionInterval} is set (tests only). */
    public static final int TEST_MIN_SESSION_EXPIRES_SECONDS = 1;
    public static final int MAX_SESSION_EXPIRES_SECONDS = 86_400;
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 256 * 1024;
    public static final int MIN_MAX_MESSAGE_SIZE = 4 * 1024;
    public static final int MAX_MAX_MESSAGE_SIZE = 16 * 1024 * 1024;
    public static final int MIN_THREAD_POOL_SIZE = 1;
    public static final int MAX_THREAD_POOL_SIZE = 256;
    /**
     * A server is sized for 20,000 users (the Lync seed's figure), each with a connection of its own through the
     * proxy, plus room for several devices; the process's file-descriptor limit must allow as many.
     */
    public static final int DEFAULT_MAX_CONNECTIONS = 50_000;
    public static final int MAX_MAX_CONNECTIONS = 1_000_000;
    public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 5_000;
    public static final int MIN_CONNECT_TIMEOUT_MILLIS = 100;
    public static final int MAX_CONNECT_TIMEOUT_MILLIS = 60_000;
    /** Above the 1800 s session interval, so an idle but live chat session keeps its connection. */
    public static final int DEFAULT_IDLE_CONNECTION_TIMEOUT_SECONDS = 7_200;
    public static final int MIN_IDLE_CONNECTION_TIMEOUT_SECONDS = 10;
    public static final int MAX_IDLE_CONNECTION_TIMEOUT_SECONDS = 86_400;
    /** RFC 3261 §17.1.1.1 default T1. */
    public static final int DEFAULT_T1_MILLIS = 500;
    public static final int MIN_T1_MILLIS = 10;
    public static final int MAX_T1_MILLIS = 10_000;

    public SipStackConfig {
        Objects.requireNonNull(stackName, "stackName");
        if (stackName.isBlank()) {
            throw new IllegalArgumentException("stackName is blank");
        }
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(advertisedHost, "advertisedHost");
        Objects.requireNonNull(tls, "tls");
        listeningPoints = List.copyOf(Objects.requireNonNull(listeningPoints, "listeningPoints"));
        requireIpLiteral(bindAddress, stackName);
        if (advertisedHost.isBlank()) {
            throw new IllegalArgumentException("advertisedHost is blank (stack '" + stackName + "')");
        }
        requireDistinctTransports(listeningPoints, stackName);
        boolean wantsTls = listeningPoints.stream().anyMatch(lp -> lp.transport() == SipTransport.TLS);
        if (wantsTls && tls.isEmpty()) {
            throw new IllegalArgumentException(
                    "a TLS listening point needs tls settings (keystore), none given (stack '" + stackName + "')");
        }
        tls.ifPresent(t -> t.validate(stackName));
        requireRange("maxMessageSize", maxMessageSize, MIN_MAX_MESSAGE_SIZE, MAX_MAX_MESSAGE_SIZE, stackName);
        requireRange("threadPoolSize", threadPoolSize, MIN_THREAD_POOL_SIZE, MAX_THREAD_POOL_SIZE, stackName);
        requireRange("maxConnections", maxConnections, 1, MAX_MAX_CONNECTIONS, stackName);
        requireRange("connectTimeoutMillis", connectTimeoutMillis,
                MIN_CONNECT_TIMEOUT_MILLIS, MAX_CONNECT_TIMEOUT_MILLIS, stackName);
        requireRange("idleConnectionTimeoutSeconds", idleConnectionTimeoutSeconds,
                MIN_IDLE_CONNECTION_TIMEOUT_SECONDS, MAX_IDLE_CONNECTION_TIMEOUT_SECONDS, stackName);
        int minSessionExpires = allowShortSessionInterval
                ? TEST_MIN_SESSION_EXPIRES_SECONDS : RFC4028_MIN_SE_SECONDS;
        if (sessionExpiresSeconds < minSessionExpires) {
            throw new IllegalArgumentException("sessionExpiresSeconds " + sessionExpiresSeconds
                    + " is below the minimum " + minSessionExpires
                    + (allowShortSessionInterval ? "" : " (RFC 4028 Min-SE)") + " (stack '" + stackName + "')");
        }
        requireRange("sessionExpiresSeconds", sessionExpiresSeconds, minSessionExpires,
                MAX_SESSION_EXPIRES_SECONDS, stackName);
        requireRange("t1Millis", t1Millis, MIN_T1_MILLIS, MAX_T1_MILLIS, stackName);
    }

    /** The smallest session interval this endpoint accepts from a peer (RFC 4028 Min-SE). */
    public int minSessionExpiresSeconds() {
        return Math.min(sessionExpiresSeconds,
                allowShortSessionInterval ? TEST_MIN_SESSION_EXPIRES_SECONDS : RFC4028_MIN_SE_SECONDS);
    }

    /** A builder with the documented defaults. */
    public static Builder builder(String stackName) {
        return new Builder(stackName);
    }

    private static void requireIpLiteral(String address, String stackName) {
        boolean literal = address.matches("[0-9.]+") || address.contains(":");
        if (!literal) {
            throw new IllegalArgumentException("bindAddress " + address
                    + " is not an IP literal (stack '" + stackName + "')");
        }
        try {
            InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bindAddress " + address
                    + " is not a valid IP address (stack '" + stackName + "')", e);
        }
    }

    private static void requireDistinctTransports(List<ListeningPointSpec> points, String stackName) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no listening point configured (stack '" + stackName + "')");
        }
        Set<SipTransport> seen = EnumSet.noneOf(SipTransport.class);
        for (ListeningPointSpec point : points) {
            if (!seen.add(point.transport())) {
                throw new IllegalArgumentException("transport " + point.transport()
                        + " is configured twice; one listening point per transport (stack '" + stackName + "')");
            }
        }
    }

    private static void requireRange(String name, long value, long min, long max, String stackName) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " " + value + " is outside the allowed range "
                    + min + ".." + max + " (stack '" + stackName + "')");
        }
    }

    /** Fluent builder; {@link #build()} validates. */
    public static final class Builder {
        private final String stackName;
        private String bindAddress = "127.0.0.1";
        private String advertisedHost;
        private final List<ListeningPointSpec> listeningPoints = new ArrayList<>();
        private TlsSettings tls;
        private int maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
        private int threadPoolSize = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private int connectTimeoutMillis = DEFAULT_CONNECT_TIMEOUT_MILLIS;
        private int idleConnectionTimeoutSeconds = DEFAULT_IDLE_CONNECTION_TIMEOUT_SECONDS;
        private int sessionExpiresSeconds = DEFAULT_SESSION_EXPIRES_SECONDS;
        private boolean allowShortSessionInterval;
        private int t1Millis = DEFAULT_T1_MILLIS;
        private boolean compactFinishedTransactions = true;

        private Builder(String stackName) {
            this.stackName = stackName;
        }

        public Builder bindAddress(String value) {
            this.bindAddress = value;
            return this;
        }

        /** Defaults to the bind address. */
        public Builder advertisedHost(String value) {
            this.advertisedHost = value;
            return this;
        }

        public Builder listen(SipTransport transport, int port) {
            listeningPoints.add(new ListeningPointSpec(transport, port));
            return this;
        }

        public Builder tls(TlsSettings value) {
            this.tls = value;
            return this;
        }

        public Builder maxMessageSize(int value) {
            this.maxMessageSize = value;
            return this;
        }

        public Builder threadPoolSize(int value) {
            this.threadPoolSize = value;
            return this;
        }

        public Builder maxConnections(int value) {
            this.maxConnections = value;
            return this;
        }

        public Builder connectTimeoutMillis(int value) {
            this.connectTimeoutMillis = value;
            return this;
        }

        public Builder idleConnectionTimeoutSeconds(int value) {
            this.idleConnectionTimeoutSeconds = value;
            return this;
        }

        public Builder sessionExpiresSeconds(int value) {
            this.sessionExpiresSeconds = value;
            return this;
        }

        /** Test-only: allow a session interval below 90 s. */
        public Builder allowShortSessionInterval(boolean value) {
            this.allowShortSessionInterval = value;
            return this;
        }

        public Builder t1Millis(int value) {
            this.t1Millis = value;
            return this;
        }

        /**
         * Whether a finished transaction keeps its messages only as encoded bytes while it waits out its timers (the
         * default). That saves heap where transactions linger (Timer J holds every UDP non-INVITE server transaction
         * 32 s), but the RI pays for it with an encode when the transaction finishes and a re-parse of its request,
         * on its single timer thread, before removing it. An endpoint that sends thousands of requests a second over
         * TCP (the chat node's INFOs) outruns that thread: finished transactions then pile up with their messages
         * waiting to be removed (docs/benchmarks.md, M80K-2). Such an endpoint keeps the parsed messages instead.
         */
        public Builder compactFinishedTransactions(boolean value) {
            this.compactFinishedTransactions = value;
            return this;
        }

        public SipStackConfig build() {
            return new SipStackConfig(stackName, bindAddress, advertisedHost == null ? bindAddress : advertisedHost,
                    listeningPoints, Optional.ofNullable(tls), maxMessageSize, threadPoolSize, maxConnections,
                    connectTimeoutMillis, idleConnectionTimeoutSeconds, sessionExpiresSeconds,
                    allowShortSessionInterval, t1Millis, compactFinishedTransactions);
        }
    }
}
