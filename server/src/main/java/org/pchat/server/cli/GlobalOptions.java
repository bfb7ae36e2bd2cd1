package org.pchat.server.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pchat.server.config.ConfigRequest;
import picocli.CommandLine.Option;

/**
 * The options every command accepts, before or after the command name:
 * {@code pchat --data-dir d room list} and {@code pchat room list --data-dir d} mean the same.
 */
final class GlobalOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file (default: ./pchat.properties if it exists).")
    Path configFile;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory (same as --set data.dir=DIR; default ./data).")
    Path dataDir;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one config key; repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = {"-v", "--verbose"}, description = "Log more (debug).")
    boolean verbose;

    /**
     * The options given before the command name ({@code this}) combined with those given after it:
     * a later single value wins, {@code --set} lists are concatenated in command-line order.
     */
    GlobalOptions then(GlobalOptions later) {
        GlobalOptions merged = new GlobalOptions();
        merged.configFile = later.configFile != null ? later.configFile : configFile;
        merged.dataDir = later.dataDir != null ? later.dataDir : dataDir;
        merged.sets = new ArrayList<>(sets);
        merged.sets.addAll(later.sets);
        merged.verbose = verbose || later.verbose;
        return merged;
    }

    ConfigRequest configRequest() {
        return new ConfigRequest(Optional.ofNullable(configFile), Optional.ofNullable(dataDir), sets);
    }
}
