package org.pchat.server.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What a command may read from its process, passed in so tests run commands in-process.
 *
 * @param environment the environment variables ({@code PCHAT_*} override config keys)
 * @param workingDir the directory relative paths and the default config file resolve against
 * @param stdin standard input, for {@code --password-stdin}
 * @param passwordPrompt the no-echo prompt for interactive passwords
 * @param shutdownHooks where {@code serve} registers its graceful shutdown
 * @param logLevels how commands set their log verbosity
 */
public record CliEnvironment(Map<String, String> environment, Path workingDir, InputStream stdin,
        PasswordPrompt passwordPrompt, ShutdownHooks shutdownHooks, LogLevels logLevels) {

    public CliEnvironment {
        environment = Map.copyOf(environment);
        Objects.requireNonNull(workingDir, "workingDir");
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(passwordPrompt, "passwordPrompt");
        Objects.requireNonNull(shutdownHooks, "shutdownHooks");
        Objects.requireNonNull(logLevels, "logLevels");
    }

    /** The real process: its environment, working directory, stdin, console, JVM shutdown hooks and logback. */
    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), Path.of("").toAbsolutePath(), System.in, PasswordPrompt.console(),
                ShutdownHooks.jvm(), LogLevels.logback());
    }

    /** Registers work to run when the process is asked to stop (SIGTERM, Ctrl-C). */
    @FunctionalInterface
    public interface ShutdownHooks {
        /** Runs {@code hook} on its own thread when the process is stopping. */
        void register(String name, Runnable hook);

        /** {@link Runtime#addShutdownHook(Thread)}. */
        static ShutdownHooks jvm() {
            return (name, hook) -> Runtime.getRuntime().addShutdownHook(new Thread(hook, name));
        }
    }
}
