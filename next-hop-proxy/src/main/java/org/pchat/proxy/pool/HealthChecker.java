package org.pchat.proxy.pool;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an OPTIONS to every node each interval; a node that does not answer within the timeout (any final
 * response counts as an answer: the node is alive) is taken out of the pool, and put back when it answers again.
 * A node that answered forwarded requests within the timeout is alive even when its OPTIONS is late: a node busy
 * with a burst of sign-ins answers its probe behind the queue of work, and taking it out then (the only node of a
 * Standard server) turned every new session away with 503.
 */
public final class HealthChecker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthChecker.class);
    /** Consecutive failed checks that take a node out. */
    public static final int FAILURES_TO_REMOVE = 1;

    private final String proxyName;
    private final PoolNodes nodes;
    private final Function<PoolNodeAddress, CompletableFuture<Boolean>> ping;
    private final ScheduledExecutorService timer;
    private final Duration interval;
    private final Duration timeout;
    private ScheduledFuture<?> task;

    /**
     * @param ping sends one OPTIONS; completes true when a final response arrived, false on a transport error
     */
    public HealthChecker(String proxyName, PoolNodes nodes,
                         Function<PoolNodeAddress, CompletableFuture<Boolean>> ping,
                         ScheduledExecutorService timer, Duration interval, Duration timeout) {
        this.proxyName = Objects.requireNonNull(proxyName, "proxyName");
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.ping = Objects.requireNonNull(ping, "ping");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    public synchronized void start() {
        if (task == null) {
            task = timer.scheduleWithFixedDelay(this::checkAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Checks every node once now. */
    public void checkAll() {
        for (PoolNodeAddress node : nodes.addresses()) {
            CompletableFuture<Boolean> answer;
            try {
                answer = ping.apply(node);
            } catch (RuntimeException e) {
                answer = CompletableFuture.completedFuture(false);
                LOG.warn("{} - health check of node {} not sent: {}", proxyName, node, e.toString());
            }
            answer.completeOnTimeout(false, timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((alive, error) -> {
                        if (error == null && Boolean.TRUE.equals(alive)) {
                            nodes.markUp(node);
                        } else if (nodes.heardWithin(node, timeout.multipliedBy(2))) {
                            // answered something since one timeout before this probe went out
                            LOG.info("{} - node {} did not answer OPTIONS within {} ms but answered other requests:"
                                    + " kept in the pool", proxyName, node, timeout.toMillis());
                        } else {
                            nodes.markFailed(node, FAILURES_TO_REMOVE, "no answer to OPTIONS within "
                                    + timeout.toMillis() + " ms");
                        }
                    });
        }
    }

    @Override
    public synchronized void close() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }
}
