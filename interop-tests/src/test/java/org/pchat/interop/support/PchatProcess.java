package org.pchat.interop.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code java -jar pchat.jar serve} process (Standard topology) on a temporary data directory under
 * {@code target/it-data} (running a private copy of the jar taken when it is built), every listener on a free
 * loopback port, its output in
 * {@code target/it-logs/<test>/pchat-<n>.log}. {@link #start()} waits for the "started in" log line and the SIP
 * port; {@link #stop()} sends SIGTERM and asserts a clean exit. Provision with {@link #cli()} while it is stopped.
 */
public final class PchatProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PchatProcess.class);
    private static final String READY_LINE = "started in";
    private static final int TAIL_LINES = 80;
    /** Once the ready line is logged the SIP port must accept connections within this. */
    private static final Duration PORT_GRACE = Duration.ofSeconds(5);
    /** Exit codes of a clean stop: 0, or 128 + SIGTERM when the JVM reports the signal. */
    private static final List<Integer> CLEAN_EXITS = List.of(0, 143);

    private final String testName;
    private final String domain;
    private final Path jar;
    private final Path dataDir;
    private final Path logDir;
    private final Map<String, String> settings;
    private final Map<String, String> pinned;
    private final List<String> jvmOptions;
    private final Duration startTimeout;
    private final Duration stopTimeout;
    private final PchatCli cli;
    private PchatPorts ports;
    private Process process;
    private Path logFile;
    private int starts;

    private PchatProcess(Builder builder) {
        this.testName = builder.testName;
        this.domain = builder.domain;
        this.dataDir = TestPaths.newDataDir(testName);
        this.jar = privateCopy(TestPaths.pchatJar(), dataDir);
        this.logDir = TestPaths.logDir(testName);
        this.settings = new LinkedHashMap<>(builder.settings);
        this.pinned = new LinkedHashMap<>(builder.pinned);
        this.jvmOptions = List.copyOf(builder.jvmOptions);
        this.startTimeout = builder.startTimeout;
        this.stopTimeout = builder.stopTimeout;
        this.cli = new PchatCli(testName, jar, dataDir, settings, logDir);
        this.ports = PchatPorts.allocate();
    }

    /**
     * A copy of the jar beside the data directory: the shared {@code server/target/pchat.jar} may be rebuilt while
     * a test runs, and a JVM whose jar is replaced under it fails with NoClassDefFoundError.
     */
    private static Path privateCopy(Path jar, Path dataDir) {
        Path copy = dataDir.resolveSibling(dataDir.getFileName() + ".jar");
        try {
            return Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + jar + " to " + copy, e);
        }
    }

    /** A process for the test (class) of this name; its logs go to {@code target/it-logs/<testName>/}. */
    public static Builder builder(String testName) {
        return new Builder(testName);
    }

    /** The admin CLI on this process's data directory (use it while the server is stopped). */
    public PchatCli cli() {
        return cli;
    }

    /**
     * Starts {@code serve} and waits until it logs "started in" and its SIP port accepts connections.
     *
     * @throws AssertionError when it exits or is not ready within the start timeout; the log tail is in the message
     */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(testName + " - already running");
        }
        starts++;
        logFile = logDir.resolve("pchat-" + starts + ".log");
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.add("serve");
        command.add("--data-dir=" + dataDir);
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.putAll(ports.settings());
        all.putAll(pinned);
        all.forEach((key, value) -> command.add("--set=" + key + "=" + value));
        LOG.info("{} - starting pchat: SIP {}, domain {}, data {}, log {}", testName, sip(), domain, dataDir, logFile);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException(testName + " - cannot start " + command, e);
        }
        awaitReady();
        LOG.info("{} - pchat ready (pid {}) on SIP {}", testName, process.pid(), sip());
    }

    private void awaitReady() {
        Process started = process;
        HostPort endpoint = sip();
        try {
            // Polled on this thread: it holds this object's monitor, which the accessors need.
            await().pollInSameThread().atMost(startTimeout).pollDelay(Duration.ofMillis(200))
                    .pollInterval(Duration.ofMillis(200)).until(() -> {
                        requireAlive(started);
                        return log().contains(READY_LINE);
                    });
            await().pollInSameThread().atMost(PORT_GRACE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        requireAlive(started);
                        return accepts(endpoint);
                    });
        } catch (ConditionTimeoutException e) {
            String state = log().contains(READY_LINE) ? "it logged '" + READY_LINE + "' but its SIP port " + endpoint
                    + " accepted no connection within " + PORT_GRACE.toSeconds() + " s"
                    : "it never logged '" + READY_LINE + "' within " + startTimeout.toSeconds() + " s";
            kill(started);
            throw new AssertionError("Expected pchat to be ready (but " + state + ")\n" + logTail(), e);
        } catch (AssertionError e) {
            process = null;
            throw e;
        }
    }

    private void requireAlive(Process started) {
        if (!started.isAlive()) {
            throw new AssertionError("Expected pchat to start (but it exited with code " + started.exitValue() + ")\n"
                    + logTail());
        }
    }

    private void kill(Process started) {
        process = null;
        started.destroyForcibly();
        try {
            started.waitFor(stopTimeout.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("{} - interrupted while killing pchat (pid {})", testName, started.pid());
        }
    }

    /**
     * Sends SIGTERM and asserts that the process exits cleanly (0 or 143) within the stop timeout.
     */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        Process stopping = process;
        process = null;
        LOG.info("{} - stopping pchat (pid {}) with SIGTERM", testName, stopping.pid());
        stopping.destroy();
        try {
            if (!stopping.waitFor(stopTimeout.toSeconds(), TimeUnit.SECONDS)) {
                stopping.destroyForcibly();
                throw new AssertionError("Expected pchat to exit within " + stopTimeout.toSeconds()
                        + " s of SIGTERM (but it kept running and was killed)\n" + logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.destroyForcibly();
            throw new AssertionError(testName + " - interrupted while stopping pchat", e);
        }
        int exit = stopping.exitValue();
        LOG.info("{} - pchat exited with {}", testName, exit);
        if (!CLEAN_EXITS.contains(exit)) {
            throw new AssertionError("Expected pchat to exit cleanly on SIGTERM with one of " + CLEAN_EXITS
                    + " (but it exited with " + exit + ")\n" + logTail());
        }
    }

    /** Kills the process with SIGKILL (kill -9), as a crash would, and waits until it is gone. */
    public synchronized void crash() {
        if (process == null) {
            return;
        }
        Process dying = process;
        process = null;
        LOG.info("{} - killing pchat (pid {}) with SIGKILL", testName, dying.pid());
        dying.destroyForcibly();
        try {
            if (!dying.waitFor(stopTimeout.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("Expected pchat (pid " + dying.pid() + ") to die of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(testName + " - interrupted while killing pchat", e);
        }
    }

    /**
     * Stops the process and starts it again on the same data directory. The listeners move to fresh free
     * ports so that a port still closing cannot fail the restart; read {@link #sip()} again afterwards.
     */
    public synchronized void restart() {
        stop();
        ports = PchatPorts.allocate();
        start();
    }

    /** Stops the process if it runs (asserting a clean exit). */
    @Override
    public void close() {
        stop();
    }

    /** Whether the process is running. */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The chat node's SIP endpoint (TCP). */
    public synchronized HostPort sip() {
        return HostPort.loopback(ports.sip());
    }

    /** The current listening ports. */
    public synchronized PchatPorts ports() {
        return ports;
    }

    /** The SIP domain ({@code sip.domain}). */
    public String domain() {
        return domain;
    }

    /** The chat service URI clients INVITE: {@code sip:ocschat@<domain>}. */
    public String chatUri() {
        return "sip:ocschat@" + domain;
    }

    /** A user URI in this server's domain: {@code sip:<user>@<domain>}. */
    public String userUri(String user) {
        return "sip:" + user + "@" + domain;
    }

    /** The data directory. */
    public Path dataDir() {
        return dataDir;
    }

    /** The log file of the latest start, if started. */
    public synchronized Optional<Path> logFile() {
        return Optional.ofNullable(logFile);
    }

    /** The last lines of the latest log, for failure messages. */
    public synchronized String logTail() {
        List<String> lines = log().lines().toList();
        List<String> tail = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
        return "--- last " + tail.size() + " lines of " + logFile + " ---\n" + String.join("\n", tail);
    }

    private String log() {
        if (logFile == null || !Files.exists(logFile)) {
            return "";
        }
        try {
            return new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(testName + " - cannot read " + logFile, e);
        }
    }

    private static boolean accepts(HostPort endpoint) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), 500);
            return true;
        } catch (IOException e) {
            LOG.debug("{} not accepting yet: {}", endpoint, e.toString());
            return false;
        }
    }

    /** The {@code java} of the JVM running the tests. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Configures a {@link PchatProcess}. */
    public static final class Builder {
        private final String testName;
        private final Map<String, String> settings = new LinkedHashMap<>();
        private final Map<String, String> pinned = new LinkedHashMap<>();
        private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx384m"));
        private String domain = "interop.example.com";
        private Duration startTimeout = Duration.ofSeconds(90);
        private Duration stopTimeout = Duration.ofSeconds(45);

        private Builder(String testName) {
            this.testName = Objects.requireNonNull(testName, "testName");
            settings.put("demo.seed", "false");
            // Test users' password hashes need not resist brute force; the minimum keeps `user add` fast.
            settings.put("password.pbkdf2-iterations", "1000");
        }

        /** The SIP domain (default {@code interop.example.com}). */
        public Builder domain(String sipDomain) {
            this.domain = Objects.requireNonNull(sipDomain, "sipDomain");
            return this;
        }

        /** One {@code --set key=value} override (ports are always set by the process). */
        public Builder set(String key, String value) {
            settings.put(key, value);
            return this;
        }

        /**
         * An override applied after the free ports, for a client that only connects to a fixed port (the Smack
         * integration suite dials XMPP on 5222): {@code pin("xmpp.port", "5222")}.
         */
        public Builder pin(String key, String value) {
            pinned.put(key, value);
            return this;
        }

        /** One extra JVM option for {@code serve}. */
        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        /** How long {@link PchatProcess#start()} waits for readiness (default 90 s). */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /** The process. */
        public PchatProcess build() {
            settings.put("sip.domain", domain);
            return new PchatProcess(this);
        }
    }
}
