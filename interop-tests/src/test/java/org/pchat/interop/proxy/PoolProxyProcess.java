package org.pchat.interop.proxy;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.pchat.interop.support.FreePorts;
import org.pchat.interop.support.HostPort;
import org.pchat.interop.support.PchatCli;
import org.pchat.interop.support.TestPaths;

/**
 * One {@code java -jar pchat.jar proxy --nodes ...} process (pool topology) on loopback, with its own data
 * directory (its content database holds the users' credentials), output in {@code target/it-logs/<test>/}.
 */
public final class PoolProxyProcess implements AutoCloseable {

    private static final String READY_LINE = "pchat proxy started";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final String testName;
    private final Path jar = TestPaths.pchatJar();
    private final Path dataDir;
    private final Path logFile;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final List<HostPort> nodes;
    private final int port;
    private final PchatCli cli;
    private Process process;

    PoolProxyProcess(String testName, String domain, List<HostPort> nodes) {
        this(testName, domain, nodes, Map.of());
    }

    /**
     * @param nodes the chat nodes to route to; empty with {@code pool.enabled=true} in {@code extra}: the proxy
     *              learns them from the pool
     * @param extra further {@code --set} overrides (database, pool)
     */
    public PoolProxyProcess(String testName, String domain, List<HostPort> nodes, Map<String, String> extra) {
        this.testName = testName;
        this.nodes = List.copyOf(nodes);
        this.dataDir = TestPaths.newDataDir(testName + "-proxy");
        this.logFile = TestPaths.logDir(testName).resolve("pchat-proxy.log");
        List<Integer> ports = FreePorts.take(3);
        this.port = ports.get(0);
        settings.put("sip.domain", domain);
        settings.put("proxy.bind-address", "127.0.0.1");
        settings.put("proxy.port", Integer.toString(port));
        settings.put("proxy.tls-port", Integer.toString(ports.get(1)));
        settings.put("http.port", Integer.toString(ports.get(2)));
        settings.putAll(extra);
        this.cli = new PchatCli(testName + "-proxy", jar, dataDir, settings, TestPaths.logDir(testName));
    }

    public PchatCli cli() {
        return cli;
    }

    public HostPort sip() {
        return HostPort.loopback(port);
    }

    public void start() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-jar", jar.toString(), "proxy", "--data-dir=" + dataDir));
        if (!nodes.isEmpty()) {
            command.add("--nodes=" + nodes.stream().map(HostPort::toString).collect(Collectors.joining(",")));
        }
        settings.forEach((key, value) -> command.add("--set=" + key + "=" + value));
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException(testName + " - cannot start " + command, e);
        }
        await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("Expected pchat proxy to start (but it exited with " + process.exitValue()
                        + "); log " + logFile + ":\n" + log());
            }
            return log().contains(READY_LINE) && accepts();
        });
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public String log() {
        try {
            return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("Expected pchat proxy to exit within " + STOP_TIMEOUT.toSeconds()
                        + " s of SIGTERM (but it did not)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        int exit = process.exitValue();
        process = null;
        if (exit != 0 && exit != 143) {
            throw new AssertionError("Expected pchat proxy to exit cleanly (but it exited with " + exit + ")");
        }
    }
}
