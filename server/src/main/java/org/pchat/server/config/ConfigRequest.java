package org.pchat.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the command line asked for: an explicit config file, a data directory and {@code --set}
 * overrides.
 *
 * @param configFile {@code --config FILE}; empty means {@code pchat.properties} in the working directory, if any
 * @param dataDir {@code --data-dir DIR}, a shorthand for {@code --set data.dir=DIR}
 * @param sets the {@code --set key=value} arguments in command-line order (a later one wins)
 */
public record ConfigRequest(Optional<Path> configFile, Optional<Path> dataDir, List<String> sets) {

    public ConfigRequest {
        Objects.requireNonNull(configFile, "configFile");
        Objects.requireNonNull(dataDir, "dataDir");
        sets = List.copyOf(sets);
    }

    /** No file, no flags: defaults and environment only. */
    public static ConfigRequest none() {
        return new ConfigRequest(Optional.empty(), Optional.empty(), List.of());
    }
}
