package org.pchat.server.web.ops;

import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readiness probes run on their own small bounded pool with a deadline, so a database that hangs makes the
 * probe answer "down" within {@code timeout} instead of holding a request thread.
 */
public final class HealthChecks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthChecks.class);

    /** One named probe: true when healthy; an exception means down, with its message as the reason. */
    public record Probe(String name, Check check) {
        public Probe {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(check, "check");
        }
    }

    /** What a probe runs. */
    @FunctionalInterface
    public interface Check {
        /** Whether the dependency works. */
        boolean healthy() throws Exception;
    }

    /** The outcome of one probe. */
    public record Outcome(boolean up, String reason) {
    }

    private final String nodeId;
    private final List<Probe> probes;
    private final Duration timeout;
    private final ThreadPoolExecutor executor;

    public HealthChecks(String nodeId, List<Probe> probes, Duration timeout) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.probes = List.copyOf(probes);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(1, Math.max(2, probes.size()), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(4 * Math.max(1, probes.size())), r -> {
                    Thread t = new Thread(r, "pchat-health-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** A probe that borrows a connection and asks the driver whether it is valid. */
    public static Probe database(String name, DataSource dataSource, Duration timeout) {
        int seconds = (int) Math.max(1, timeout.toSeconds());
        return new Probe(name, () -> {
            try (Connection connection = dataSource.getConnection()) {
                return connection.isValid(seconds);
            }
        });
    }

    /** Runs every probe at once and waits at most the timeout for all of them. */
    public Map<String, Outcome> run() {
        Map<String, Future<Boolean>> running = new LinkedHashMap<>();
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (Probe probe : probes) {
            try {
                running.put(probe.name(), executor.submit(() -> probe.check().healthy()));
            } catch (RejectedExecutionException e) {
                outcomes.put(probe.name(), new Outcome(false, "too many health checks in progress"));
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        running.forEach((name, future) -> outcomes.put(name, await(name, future, deadline)));
        return outcomes;
    }

    private Outcome await(String name, Future<Boolean> future, long deadline) {
        try {
            long left = Math.max(0, deadline - System.nanoTime());
            return future.get(left, TimeUnit.NANOSECONDS) ? new Outcome(true, "ok") : new Outcome(false, "not valid");
        } catch (TimeoutException e) {
            future.cancel(true);
            LOG.warn("{} - health probe {} did not answer within {} ms", nodeId, name, timeout.toMillis());
            return new Outcome(false, "no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            LOG.warn("{} - health probe {} failed: {}", nodeId, name, e.getCause().toString());
            return new Outcome(false, e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, "interrupted");
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
