package org.pchat.proxy;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.pchat.proxy.auth.CredentialStore;
import org.pchat.proxy.core.ProxyAssembly;
import org.pchat.proxy.core.ProxyCore;
import org.pchat.proxy.pool.HealthChecker;
import org.pchat.proxy.pool.NodeState;
import org.pchat.proxy.pool.PoolNodeAddress;
import org.pchat.proxy.pool.PoolNodes;
import org.pchat.proxy.registrar.Binding;
import org.pchat.sip.BoundListeningPoint;
import org.pchat.sip.SipEndpoint;
import org.pchat.sip.SipStackConfig;
import org.pchat.sip.SipTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The next-hop proxy and registrar (RFC 3261 §16, §10) in front of the chat pool. Lifecycle: construct,
 * {@link #start()}, {@link #close()}. Thread-safe.
 *
 * <pre>{@code
 * ProxyConfig config = ProxyConfig.builder("proxy", "example.com")
 *         .nodes(List.of(PoolNodeAddress.parse("127.0.0.1:5070"))).build();
 * try (NextHopProxy proxy = new NextHopProxy(config, credentialStore, Clock.systemUTC())) {
 *     proxy.start();
 *     ...
 * }
 * }</pre>
 */
public final class NextHopProxy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NextHopProxy.class);
    /** Expired bindings and idle chat dialogs are swept this often. */
    private static final long SWEEP_SECONDS = 30;

    private final ProxyConfig config;
    private final CredentialStore store;
    private final Clock clock;
    private SipEndpoint endpoint;
    private ProxyAssembly assembly;
    private ScheduledExecutorService timer;
    private HealthChecker health;
    private boolean started;
    private boolean closed;

    public NextHopProxy(ProxyConfig config, CredentialStore store, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Binds the listening points and starts routing and health checks.
     *
     * @throws org.pchat.sip.SipEndpointException when a port cannot be bound
     * @throws IllegalStateException when already started or closed
     */
    public synchronized void start() {
        if (started || closed) {
            throw new IllegalStateException("proxy '" + config.name() + "' already " + (closed ? "closed" : "started"));
        }
        started = true;
        LOG.info("{} - starting: domain {}, chat service {}, nodes {}, challenge {}", config.name(), config.domain(),
                config.chatServiceUris(), config.nodes(), config.challengeMode());
        ProxyCore core = ProxyAssembly.newCore(config);
        endpoint = SipEndpoint.raw(stackConfig(config), core);
        try {
            endpoint.start();
            assembly = ProxyAssembly.assemble(config, endpoint, core, store, clock);
            timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "pchat-proxy-timer-" + config.name());
                thread.setDaemon(true);
                return thread;
            });
            health = new HealthChecker(config.name(), assembly.nodes(), assembly::ping, timer,
                    config.healthCheckInterval(), config.healthCheckTimeout());
            health.start();
            timer.scheduleWithFixedDelay(this::sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("{} - listening on {}", config.name(), endpoint.listeningPoints());
    }

    private void sweep() {
        int bindings = assembly.registrar().purgeExpired();
        int dialogs = assembly.nodes().sweepIdle();
        int flows = assembly.purgeFlows();
        if (bindings > 0 || dialogs > 0 || flows > 0) {
            LOG.debug("{} - swept {} expired bindings, {} idle chat dialogs, {} flow records", config.name(),
                    bindings, dialogs, flows);
        }
    }

    /** The SIP stack settings of a proxy configuration: UDP+TCP on {@code port}, TLS on {@code tlsPort}. */
    static SipStackConfig stackConfig(ProxyConfig config) {
        SipStackConfig.Builder builder = SipStackConfig.builder(config.name())
                .bindAddress(config.bindAddress())
                .advertisedHost(config.advertisedHost())
                .listen(SipTransport.TCP, config.port())
                .listen(SipTransport.UDP, config.port())
                .maxMessageSize(config.maxMessageSize())
                .threadPoolSize(config.stackThreads())
                .maxConnections(config.maxConnections())
                .connectTimeoutMillis(config.connectTimeoutMillis())
                .t1Millis(config.t1Millis());
        config.tls().ifPresent(tls -> builder.listen(SipTransport.TLS, config.tlsPort()).tls(tls));
        return builder.build();
    }

    public ProxyConfig config() {
        return config;
    }

    /** The port bound for a transport. */
    public synchronized int port(SipTransport transport) {
        requireStarted();
        return endpoint.boundPort(transport);
    }

    public synchronized List<BoundListeningPoint> listeningPoints() {
        requireStarted();
        return endpoint.listeningPoints();
    }

    /** The chat nodes with their health and load. */
    public synchronized List<NodeState> nodes() {
        requireStarted();
        return assembly.nodes().states();
    }

    /**
     * The pool topology's membership: new sessions go to {@code serving}; {@code gone} left the pool.
     *
     * @see PoolNodes#membership
     */
    public synchronized void membership(Collection<PoolNodeAddress> serving,
                                        Collection<PoolNodeAddress> gone) {
        requireStarted();
        assembly.nodes().membership(serving, gone);
    }

    /** A user's live registrations. */
    public synchronized List<Binding> bindings(String addressOfRecord) {
        requireStarted();
        return assembly.registrar().lookup(addressOfRecord);
    }

    /** Runs one health check of every node now (tests, admin). */
    public synchronized void checkNodesNow() {
        requireStarted();
        health.checkAll();
    }

    private void requireStarted() {
        if (!started || closed || assembly == null) {
            throw new IllegalStateException("proxy '" + config.name() + "' is " + (closed ? "closed" : "not started"));
        }
    }

    /** Stops health checks, the listening points and the forwarding threads. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (health != null) {
            health.close();
        }
        if (timer != null) {
            timer.shutdownNow();
        }
        if (endpoint != null) {
            endpoint.close();
        }
        if (assembly != null) {
            assembly.close();
        }
        LOG.info("{} - closed", config.name());
    }
}
