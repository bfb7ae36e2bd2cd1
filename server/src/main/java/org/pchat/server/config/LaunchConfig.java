package org.pchat.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How {@code serve} starts and stops the process.
 *
 * @param demoSeed whether the first start on an empty database creates the demo category and room
 * @param shutdownTimeout how long a graceful shutdown may take before the process stops anyway
 */
public record LaunchConfig(boolean demoSeed, Duration shutdownTimeout) {

    public static final ConfigKey<Boolean> DEMO_SEED = ConfigKey.of("demo.seed", ValueType.bool(), true,
            "On first start with an empty database, create category General (everyone) with open room Lobby.");
    public static final ConfigKey<Duration> SHUTDOWN_TIMEOUT = ConfigKey.of("shutdown.timeout",
            ValueType.seconds(1, 600), Duration.ofSeconds(30),
            "Seconds a graceful shutdown may take before the process exits anyway.");

    public LaunchConfig {
        SHUTDOWN_TIMEOUT.check(shutdownTimeout);
    }

    /** The documented defaults. */
    public static LaunchConfig defaults() {
        return from(new Settings(Map.of(), Path.of(".")));
    }

    /** The keys this record is built from. */
    public static List<ConfigKey<?>> keys() {
        return List.of(DEMO_SEED, SHUTDOWN_TIMEOUT);
    }

    static LaunchConfig from(Settings settings) {
        return new LaunchConfig(settings.get(DEMO_SEED), settings.get(SHUTDOWN_TIMEOUT));
    }
}
