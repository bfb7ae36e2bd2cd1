package org.pchat.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The chat node's SIP endpoint, which the next-hop proxy forwards chat sessions to.
 *
 * @param bindAddress the address to listen on
 * @param port the TCP port (default 5070)
 * @param maxMessageSize most bytes in one SIP message, headers and body
 * @param sessionExpires the session-timer interval offered in {@code Session-Expires} (RFC 4028)
 * @param trustedPeers source addresses whose requests the node accepts (the proxies): IP literals, {@code loopback}
 *                     or {@code any}
 * @param admissionBacklog server INFOs of all sessions waiting or unanswered above which new sessions are refused
 * @param busyRetryAfter the {@code Retry-After} of the 503 that refuses a session while the node is behind
 */
public record SipEndpointConfig(String bindAddress, int port, int maxMessageSize, Duration sessionExpires,
        List<String> trustedPeers, int admissionBacklog, Duration busyRetryAfter) {

    public static final ConfigKey<String> BIND_ADDRESS = ConfigKey.of("sip.bind-address", ValueType.host(),
            "0.0.0.0", "Address the node's SIP endpoint listens on.");
    public static final ConfigKey<Integer> PORT = ConfigKey.of("sip.port", ValueType.port(), 5070,
            "TCP port of the node's SIP endpoint (proxy to node).");
    public static final ConfigKey<Integer> MAX_MESSAGE_SIZE = ConfigKey.of("sip.max-message-size",
            ValueType.integer("a byte count", 1024, 1_048_576), 65_536, "Most bytes in one SIP message.");
    public static final ConfigKey<Duration> SESSION_EXPIRES = ConfigKey.of("sip.session-expires",
            ValueType.seconds(90, 86_400), Duration.ofSeconds(1800),
            "Session-timer interval in seconds (RFC 4028; at least 90).");

    public static final ConfigKey<List<String>> TRUSTED_PEERS = ConfigKey.of("sip.trusted-peers",
            ValueType.list("a peer list", "IP literals, loopback or any",
                    java.util.regex.Pattern.compile("loopback|any|[0-9.]+|[0-9A-Fa-f:.]+")),
            List.of("loopback"), "Proxies whose requests the node accepts (IP literals, loopback, any; comma-separated).");

    public static final ConfigKey<Integer> ADMISSION_BACKLOG = ConfigKey.of("sip.admission-backlog",
            ValueType.integer("a count of server INFOs", 1, 10_000_000), 50_000,
            "Server INFOs of all sessions waiting or unanswered above which new sessions are answered 503.");
    public static final ConfigKey<Duration> BUSY_RETRY_AFTER = ConfigKey.of("sip.busy-retry-after",
            ValueType.seconds(1, 3600), Duration.ofSeconds(10),
            "Retry-After in seconds of the 503 that refuses a new session while the node is behind.");

    public SipEndpointConfig {
        trustedPeers = List.copyOf(trustedPeers);
        TRUSTED_PEERS.check(trustedPeers);
        BIND_ADDRESS.check(bindAddress);
        PORT.check(port);
        MAX_MESSAGE_SIZE.check(maxMessageSize);
        SESSION_EXPIRES.check(sessionExpires);
        ADMISSION_BACKLOG.check(admissionBacklog);
        BUSY_RETRY_AFTER.check(busyRetryAfter);
    }

    /** The documented defaults. */
    public static SipEndpointConfig defaults() {
        return from(new Settings(Map.of(), Path.of(".")));
    }

    /** The keys this record is built from. */
    public static List<ConfigKey<?>> keys() {
        return List.of(BIND_ADDRESS, PORT, MAX_MESSAGE_SIZE, SESSION_EXPIRES, TRUSTED_PEERS, ADMISSION_BACKLOG,
                BUSY_RETRY_AFTER);
    }

    static SipEndpointConfig from(Settings settings) {
        return new SipEndpointConfig(settings.get(BIND_ADDRESS), settings.get(PORT), settings.get(MAX_MESSAGE_SIZE),
                settings.get(SESSION_EXPIRES), settings.get(TRUSTED_PEERS), settings.get(ADMISSION_BACKLOG),
                settings.get(BUSY_RETRY_AFTER));
    }
}
