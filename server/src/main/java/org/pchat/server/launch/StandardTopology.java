package org.pchat.server.launch;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Standard topology: every component in one process, started in list order and stopped in
 * reverse order. If a component fails to start, the ones already started are stopped again. Later
 * components (SIP endpoint, proxy, XMPP, HTTP, pool channel) plug in as list entries.
 */
public final class StandardTopology {
    private static final Logger LOG = LoggerFactory.getLogger(StandardTopology.class);

    private final String nodeId;
    private final List<Component> components;
    private final LongSupplier nanoTime;
    private final Deque<Component> started = new ArrayDeque<>();
    private boolean stopped;

    /**
     * @param nodeId the node's identity, prefixed to every log line
     * @param components the components in start order
     * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime})
     */
    public StandardTopology(String nodeId, List<Component> components, LongSupplier nanoTime) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.components = List.copyOf(components);
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /**
     * Starts every component in order.
     *
     * @throws LaunchException naming the component that failed, after the started ones were stopped
     * @throws IllegalStateException when called twice
     */
    public synchronized void start() {
        if (!started.isEmpty() || stopped) {
            throw new IllegalStateException(nodeId + " - topology already started");
        }
        for (Component component : components) {
            long begin = nanoTime.getAsLong();
            try {
                component.start();
            } catch (Exception e) {
                LOG.error("{} - {} failed to start: {}", nodeId, component.name(), e.getMessage(), e);
                stop();
                throw new LaunchException(nodeId + " - " + component.name() + " failed to start: " + e.getMessage(), e);
            }
            started.push(component);
            String where = component.endpoint().map(e -> " (" + e + ")").orElse("");
            LOG.info("{} - started {}{} in {} ms", nodeId, component.name(), where, millisSince(begin));
        }
    }

    /**
     * Stops the started components in reverse order. Safe to call more than once and from a shutdown hook;
     * a component that fails to stop is logged and the others are still stopped.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        long begin = nanoTime.getAsLong();
        while (!started.isEmpty()) {
            Component component = started.pop();
            long componentBegin = nanoTime.getAsLong();
            try {
                component.stop();
                LOG.info("{} - stopped {} in {} ms", nodeId, component.name(), millisSince(componentBegin));
            } catch (Exception e) {
                LOG.error("{} - {} did not stop cleanly: {}", nodeId, component.name(), e.getMessage(), e);
            }
        }
        LOG.info("{} - stopped in {} ms", nodeId, millisSince(begin));
    }

    /** Whether {@link #stop()} has run. */
    public synchronized boolean isStopped() {
        return stopped;
    }

    /** The names and endpoints of the started components, for the start-up summary. */
    public synchronized List<String> endpoints() {
        return components.stream()
                .filter(started::contains)
                .flatMap(c -> c.endpoint().map(e -> c.name() + " " + e).stream())
                .toList();
    }

    private long millisSince(long beginNanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanoTime.getAsLong() - beginNanos);
    }
}
