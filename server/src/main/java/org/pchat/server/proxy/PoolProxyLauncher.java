package org.pchat.server.proxy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.pchat.proxy.ProxyConfig;
import org.pchat.proxy.pool.PoolNodeAddress;
import org.pchat.server.config.PchatConfig;
import org.pchat.server.db.Databases;
import org.pchat.server.launch.Component;
import org.pchat.server.launch.DatabaseComponent;
import org.pchat.server.launch.PoolComponent;
import org.pchat.server.store.PoolNodeRepository;
import org.pchat.server.launch.LaunchException;
import org.pchat.server.launch.StandardTopology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pool topology's proxy process ({@code pchat proxy}): the content database (for users' credentials) and the
 * next-hop proxy routing to the given chat nodes.
 */
public final class PoolProxyLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(PoolProxyLauncher.class);

    private final PchatConfig config;
    private final String nodeId;
    private final StandardTopology topology;
    private final ProxyComponent proxy;

    /**
     * @param config   the validated configuration
     * @param nodes    the chat nodes to route to
     * @param clock    wall clock
     * @param nanoTime monotonic clock for component timings
     * @throws IllegalArgumentException when the proxy settings are out of range or no node is given
     */
    public PoolProxyLauncher(PchatConfig config, List<PoolNodeAddress> nodes, Clock clock, LongSupplier nanoTime) {
        this.config = Objects.requireNonNull(config, "config");
        if (nodes.isEmpty() && !config.pool().enabled()) {
            throw new IllegalArgumentException("no chat node given: the proxy needs at least one host:port, or "
                    + "pool.enabled=true to learn the nodes from the pool");
        }
        this.nodeId = config.node().nodeId();
        ProxyConfig proxyConfig = ProxySettings.from(config, nodes);
        DatabaseComponent databases = new DatabaseComponent(nodeId, config.database(), Databases::open);
        this.proxy = new ProxyComponent(proxyConfig, databases::databases, clock);
        List<Component> components = new ArrayList<>(List.of(databases, proxy));
        if (config.pool().enabled()) {
            components.add(new PoolRouting(nodeId + "-proxy",
                    () -> PoolComponent.observerSettings(config,
                            new PoolNodeRepository(databases.databases().content()), clock),
                    proxy::proxy));
        }
        this.topology = new StandardTopology(nodeId, components, nanoTime);
    }

    /**
     * Starts the database and the proxy.
     *
     * @throws LaunchException when a component fails; the started ones are stopped again
     */
    public void start() {
        LOG.info("{} - pchat proxy starting: SIP domain {}", nodeId, config.node().sipDomain());
        topology.start();
        LOG.info("{} - pchat proxy started; {}", nodeId, String.join("; ", topology.endpoints()));
    }

    /** Stops the proxy, then the database, within {@code shutdown.timeout}. Safe to call more than once. */
    public void stop() {
        Duration timeout = config.launch().shutdownTimeout();
        Thread stopper = new Thread(topology::stop, "pchat-proxy-stop");
        stopper.start();
        try {
            stopper.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("{} - interrupted while waiting for the proxy to stop", nodeId);
            return;
        }
        if (stopper.isAlive()) {
            LOG.error("{} - proxy shutdown did not finish within {} s (shutdown.timeout)", nodeId,
                    timeout.toSeconds());
        }
    }

    /** The proxy component (tests). */
    public ProxyComponent proxy() {
        return proxy;
    }
}
