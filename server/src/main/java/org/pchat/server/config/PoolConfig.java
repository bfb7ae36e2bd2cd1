package org.pchat.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The pool channel: node membership, fan-out and pool administration (JGroups over TCP).
 *
 * @param enabled whether this node joins a pool (the nodes share a PostgreSQL database); off in the Standard topology
 * @param bindAddress the address to listen on
 * @param port the TCP port (default 8011, as in Lync)
 * @param role active or standby
 * @param seeds {@code host:port} of other nodes to contact at start, besides those in the {@code pool_nodes} table
 * @param advertiseHost the address other nodes and the proxy reach this node at; empty: the bind address, or this
 *                      machine's first non-loopback IPv4 address when bound to every interface
 * @param failureTimeout how long a silent member is suspected before it is removed from the pool
 * @param catchUpInterval how often a node delivers from the database what the pool channel may have missed
 */
public record PoolConfig(boolean enabled, String bindAddress, int port, PoolRole role, List<String> seeds,
        Optional<String> advertiseHost, Duration failureTimeout, Duration catchUpInterval) {

    public static final ConfigKey<Boolean> ENABLED = ConfigKey.of("pool.enabled", ValueType.bool(), false,
            "Whether this node joins a pool of nodes sharing one PostgreSQL database (pool topology).");
    public static final ConfigKey<String> BIND_ADDRESS = ConfigKey.of("pool.bind-address", ValueType.host(),
            "0.0.0.0", "Address the pool channel binds to.");
    public static final ConfigKey<Integer> PORT = ConfigKey.of("pool.port", ValueType.port(), 8011,
            "TCP port of the pool channel (membership, fan-out, admin).");
    public static final ConfigKey<PoolRole> ROLE = ConfigKey.of("pool.role", ValueType.choice("a pool role",
            PoolRole.class), PoolRole.ACTIVE, "active serves users; standby waits to replace a failed active node.");
    public static final ConfigKey<List<String>> SEEDS = ConfigKey.of("pool.seeds",
            ValueType.list("a seed list", "host:port entries",
                    Pattern.compile("[A-Za-z0-9.\\-]+:[0-9]{1,5}|\\[[0-9A-Fa-f:.]+\\]:[0-9]{1,5}")),
            List.of(), "Other pool nodes to contact at start (host:port, comma-separated), besides pool_nodes rows.");
    public static final ConfigKey<String> ADVERTISE_HOST = ConfigKey.optional("pool.advertise-host", ValueType.host(),
            "Address other nodes and the proxy reach this node at; unset: the bind address (or the first "
                    + "non-loopback IPv4 address when bound to every interface).");
    public static final ConfigKey<Duration> FAILURE_TIMEOUT = ConfigKey.of("pool.failure-timeout",
            ValueType.seconds(1, 300), Duration.ofSeconds(3),
            "Seconds without a heartbeat after which a pool member is suspected and removed.");
    public static final ConfigKey<Duration> CATCH_UP_INTERVAL = ConfigKey.of("pool.catch-up-interval",
            ValueType.seconds(1, 3600), Duration.ofSeconds(5),
            "Seconds between deliveries from the database of posts the pool channel may have missed.");

    public PoolConfig {
        BIND_ADDRESS.check(bindAddress);
        PORT.check(port);
        Objects.requireNonNull(role, "role");
        seeds = List.copyOf(seeds);
        SEEDS.check(seeds);
        Objects.requireNonNull(advertiseHost, "advertiseHost");
        advertiseHost.ifPresent(ADVERTISE_HOST::check);
        FAILURE_TIMEOUT.check(failureTimeout);
        CATCH_UP_INTERVAL.check(catchUpInterval);
    }

    /** The documented defaults. */
    public static PoolConfig defaults() {
        return from(new Settings(Map.of(), Path.of(".")));
    }

    /** The keys this record is built from. */
    public static List<ConfigKey<?>> keys() {
        return List.of(ENABLED, BIND_ADDRESS, PORT, ROLE, SEEDS, ADVERTISE_HOST, FAILURE_TIMEOUT, CATCH_UP_INTERVAL);
    }

    static PoolConfig from(Settings settings) {
        return new PoolConfig(settings.get(ENABLED), settings.get(BIND_ADDRESS), settings.get(PORT),
                settings.get(ROLE), settings.get(SEEDS), settings.find(ADVERTISE_HOST),
                settings.get(FAILURE_TIMEOUT), settings.get(CATCH_UP_INTERVAL));
    }
}
