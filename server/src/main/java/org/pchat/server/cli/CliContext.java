package org.pchat.server.cli;

import java.util.Objects;
import org.pchat.server.config.ConfigCatalog;
import org.pchat.server.config.ConfigLoader;
import org.pchat.server.config.ConfigRequest;
import org.pchat.server.config.PchatConfig;

/** What one command run needs from the root command: the environment, the config request, verbosity. */
final class CliContext {
    private final CliEnvironment environment;
    private final ConfigRequest request;
    private final boolean verbose;

    CliContext(CliEnvironment environment, ConfigRequest request, boolean verbose) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.request = Objects.requireNonNull(request, "request");
        this.verbose = verbose;
    }

    /** Loads and validates the configuration (flags, environment, file, defaults). */
    PchatConfig loadConfig() {
        return new ConfigLoader(ConfigCatalog.standard(), environment.environment(), environment.workingDir())
                .load(request);
    }

    /** Reads new passwords from stdin or the terminal. */
    PasswordInput passwordInput() {
        return new PasswordInput(environment.stdin(), environment.passwordPrompt());
    }

    CliEnvironment environment() {
        return environment;
    }

    boolean verbose() {
        return verbose;
    }
}
