package org.pchat.interop.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@code sipp} binary (Debian package sip-tester) on scenario files, each run's traces in
 * {@code target/it-logs/<test>/sipp-<n>-<scenario>/}. A missing sipp fails the test; it is never skipped.
 */
public final class Sipp {
    private static final Logger LOG = LoggerFactory.getLogger(Sipp.class);
    /** Time allowed on top of sipp's own global timeout before the process is killed. */
    private static final Duration GRACE = Duration.ofSeconds(15);

    private final String testName;
    private final Path binary;
    private final AtomicInteger runs = new AtomicInteger();

    /**
     * @param testName names the log directory
     * @throws AssertionError when sipp is not on the PATH
     */
    public Sipp(String testName) {
        this.testName = testName;
        this.binary = locate().orElseThrow(() -> new AssertionError(
                "sipp not found: run .ci/setup (apt-get install sip-tester)"));
    }

    /** {@code sipp} on the PATH, if any. */
    public static Optional<Path> locate() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "sipp")).filter(Files::isExecutable).findFirst();
    }

    /** Runs to completion and returns the result (check it with {@link SippResult#assertSuccess()}). */
    public SippResult run(SippRun run) {
        return start(run).await();
    }

    /** Starts sipp in the background (a server scenario waiting for a client). */
    public Running start(SippRun run) {
        String scenarioName = run.scenario().getFileName().toString().replaceFirst("\\.xml$", "");
        Path logDir = TestPaths.createDirectories(TestPaths.logDir(testName)
                .resolve(String.format("sipp-%02d-%s", runs.incrementAndGet(), scenarioName)));
        List<String> command = run.command(binary, logDir);
        LOG.info("{} - {}", testName, String.join(" ", command));
        try {
            Process process = new ProcessBuilder(command).directory(logDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(logDir.resolve("sipp.out").toFile()).start();
            process.getOutputStream().close();
            return new Running(process, command, logDir, run.timeout().plus(GRACE));
        } catch (IOException e) {
            throw new UncheckedIOException(testName + " - cannot start " + command, e);
        }
    }

    /** A sipp process in the background. */
    public final class Running {
        private final Process process;
        private final List<String> command;
        private final Path logDir;
        private final Duration limit;

        private Running(Process process, List<String> command, Path logDir, Duration limit) {
            this.process = process;
            this.command = command;
            this.logDir = logDir;
            this.limit = limit;
        }

        /**
         * Waits until a server scenario's port accepts TCP connections (one probe connection is opened and
         * closed), failing if sipp exits first.
         *
         * @return this
         */
        public Running awaitListening(int port) {
            try {
                Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("Expected sipp to listen on " + port + " (but it exited with "
                                + process.exitValue() + "); logs in " + logDir);
                    }
                    try (Socket probe = new Socket()) {
                        probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                        return true;
                    } catch (IOException e) {
                        return false;
                    }
                });
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("Expected sipp to listen on " + port + " within 20 s (but it did not); "
                        + "logs in " + logDir, e);
            }
            return this;
        }

        /** Waits for sipp to exit (killing it after its timeout plus a grace period). */
        public SippResult await() {
            try {
                if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS);
                    LOG.warn("{} - sipp did not exit within {} s and was killed", testName, limit.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new AssertionError(testName + " - interrupted waiting for sipp", e);
            }
            int exit = process.isAlive() ? -1 : process.exitValue();
            LOG.info("{} - sipp exited {} (logs in {})", testName, exit, logDir);
            return new SippResult(command, exit, logDir);
        }
    }
}
