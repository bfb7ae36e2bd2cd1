package org.pchat.interop.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code java -jar pchat.jar <verb> …} as separate processes on one data directory (the admin CLI of
 * docs/configuration.md), each with its output kept under the test's log directory. The embedded H2 database
 * admits one process at a time, so provision before {@link PchatProcess#start()} or after
 * {@link PchatProcess#stop()}.
 */
public final class PchatCli {
    private static final Logger LOG = LoggerFactory.getLogger(PchatCli.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** A short-lived CLI JVM starts faster with the client compiler only. */
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xmx256m");

    private final String identity;
    private final Path jar;
    private final Path dataDir;
    private final Map<String, String> settings;
    private final Path logDir;
    private final AtomicInteger runs = new AtomicInteger();

    /**
     * @param identity name used in log lines and output file names
     * @param jar the server jar
     * @param dataDir the data directory ({@code --data-dir})
     * @param settings {@code --set key=value} overrides, in order
     * @param logDir where each run's stdout and stderr are kept
     */
    public PchatCli(String identity, Path jar, Path dataDir, Map<String, String> settings, Path logDir) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.jar = Objects.requireNonNull(jar, "jar");
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        this.settings = new LinkedHashMap<>(settings);
        this.logDir = Objects.requireNonNull(logDir, "logDir");
    }

    /** {@code db migrate}: creates or upgrades both schemas; the other verbs need it first. */
    public void migrate() {
        run(List.of("db", "migrate"), Optional.empty()).assertSuccess();
    }

    /** {@code user add URI --password-stdin}. */
    public void addUser(String uri, String password) {
        run(List.of("user", "add", uri, "--password-stdin"), Optional.of(password + "\n")).assertSuccess();
    }

    /** {@code category new …}. */
    public void newCategory(CategoryDef category) {
        run(category.arguments(), Optional.empty()).assertSuccess();
    }

    /** {@code room new …}. */
    public void newRoom(RoomDef room) {
        run(room.arguments(), Optional.empty()).assertSuccess();
    }

    /** Runs one verb with its arguments and no stdin; the caller checks the result. */
    public CommandResult run(String... arguments) {
        return run(List.of(arguments), Optional.empty());
    }

    /**
     * Runs one verb with its arguments.
     *
     * @param arguments the verb and its arguments, e.g. {@code room list}
     * @param stdin text fed to standard input, then closed
     */
    public CommandResult run(List<String> arguments, Optional<String> stdin) {
        List<String> command = new ArrayList<>();
        command.add(PchatProcess.javaExecutable());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--data-dir=" + dataDir);
        settings.forEach((key, value) -> command.add("--set=" + key + "=" + value));
        command.addAll(arguments);
        int run = runs.incrementAndGet();
        String stem = String.format("cli-%03d-%s", run, String.join("-", arguments.subList(0, Math.min(2,
                arguments.size()))).replaceAll("[^A-Za-z0-9-]", "_"));
        Path out = logDir.resolve(stem + ".out");
        Path err = logDir.resolve(stem + ".err");
        LOG.info("{} - pchat {}", identity, String.join(" ", arguments));
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            try (OutputStream in = process.getOutputStream()) {
                if (stdin.isPresent()) {
                    in.write(stdin.get().getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("Expected `pchat " + String.join(" ", arguments) + "` to finish within "
                        + TIMEOUT.toSeconds() + " s (but it did not); output in " + out);
            }
            CommandResult result = new CommandResult(command, process.exitValue(), Files.readString(out),
                    Files.readString(err));
            LOG.info("{} - pchat {} exited {}", identity, String.join(" ", arguments.subList(0, Math.min(2,
                    arguments.size()))), result.exitCode());
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(identity + " - cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(identity + " - interrupted while running " + command, e);
        }
    }
}
