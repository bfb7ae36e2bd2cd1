package org.pchat.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The pool channel: node membership, fan-out and pool administration.
 *
 * @param bindAddress the address to listen on
 * @param port the TCP port (default 8011, as in Lync)
 * @param role active or standby
 * @param seeds {@code host:port} of other nodes to contact at start; empty for a single node
 */
public record PoolConfig(String bindAddress, int port, PoolRole role, List<String> seeds) {

    public static final ConfigKey<String> BIND_ADDRESS = ConfigKey.of("pool.bind-address", ValueType.host(),
            "0.0.0.0", "Address the pool channel binds to.");
    public static final ConfigKey<Integer> PORT = ConfigKey.of("pool.port", ValueType.port(), 8011,
            "TCP port of the pool channel (membership, fan-out, admin).");
    public static final ConfigKey<PoolRole> ROLE = ConfigKey.of("pool.role", ValueType.choice("a pool role",
            PoolRole.class), PoolRole.ACTIVE, "active serves users; standby waits to replace a failed active node.");
    public static final ConfigKey<List<String>> SEEDS = ConfigKey.of("pool.seeds",
            ValueType.list("a seed list", "host:port entries",
                    Pattern.compile("[A-Za-z0-9.\\-]+:[0-9]{1,5}|\\[[0-9A-Fa-f:.]+\\]:[0-9]{1,5}")),
            List.of(), "Other pool nodes to contact at start (host:port, comma-separated); unset for one node.");

    public PoolConfig {
        BIND_ADDRESS.check(bindAddress);
        PORT.check(port);
        Objects.requireNonNull(role, "role");
        seeds = List.copyOf(seeds);
        SEEDS.check(seeds);
    }

    /** The documented defaults. */
    public static PoolConfig defaults() {
        return from(new Settings(Map.of(), Path.of(".")));
    }

    /** The keys this record is built from. */
    public static List<ConfigKey<?>> keys() {
        return List.of(BIND_ADDRESS, PORT, ROLE, SEEDS);
    }

    static PoolConfig from(Settings settings) {
        return new PoolConfig(settings.get(BIND_ADDRESS), settings.get(PORT), settings.get(ROLE), settings.get(SEEDS));
    }
}
