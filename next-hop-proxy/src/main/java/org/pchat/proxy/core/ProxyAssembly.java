package org.pchat.proxy.core;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.pchat.proxy.ProxyConfig;
import org.pchat.proxy.auth.AuthThrottle;
import org.pchat.proxy.auth.Authenticator;
import org.pchat.proxy.auth.CredentialStore;
import org.pchat.proxy.auth.FlowBindings;
import org.pchat.proxy.auth.NonceService;
import org.pchat.proxy.pool.PoolNodeAddress;
import org.pchat.proxy.pool.PoolNodes;
import org.pchat.proxy.provisioning.ProvisioningDocument;
import org.pchat.proxy.registrar.Registrar;
import org.pchat.sip.BoundListeningPoint;
import org.pchat.sip.SipEndpoint;
import org.pchat.sip.SipTransport;

/**
 * Builds the proxy's parts around a started raw endpoint and plugs them into the {@link ProxyCore}. Owns the
 * executors it creates ({@link #close()}).
 */
public final class ProxyAssembly implements AutoCloseable {

    private final Lanes lanes;
    private final ThreadPoolExecutor credentialLookups;
    private final Registrar registrar;
    private final PoolNodes nodes;
    private final FlowBindings flows;
    private final ConnectedFlows connected;
    private final NodePinger pinger;

    /** A known connection unused this long may be gone: the next send to it takes a lane. */
    static final long CONNECTED_IDLE_MILLIS = 300_000;

    private ProxyAssembly(Lanes lanes, ThreadPoolExecutor credentialLookups, Registrar registrar, PoolNodes nodes,
                          FlowBindings flows, ConnectedFlows connected, NodePinger pinger) {
        this.lanes = lanes;
        this.credentialLookups = credentialLookups;
        this.registrar = registrar;
        this.nodes = nodes;
        this.flows = flows;
        this.connected = connected;
        this.pinger = pinger;
    }

    /** A listener for {@link SipEndpoint#raw}, inert until {@link #assemble} wires it. */
    public static ProxyCore newCore(ProxyConfig config) {
        return new ProxyCore(config.name(), config.advertisedHost());
    }

    /** Wires every part of the proxy onto {@code endpoint} (started, raw mode, listening with {@code core}). */
    public static ProxyAssembly assemble(ProxyConfig config, SipEndpoint endpoint, ProxyCore core,
                                         CredentialStore store, Clock clock) {
        String name = config.name();
        SecureRandom random = new SecureRandom();
        Map<SipTransport, Integer> ports = new EnumMap<>(SipTransport.class);
        for (BoundListeningPoint point : endpoint.listeningPoints()) {
            ports.put(point.transport(), point.port());
        }
        Addressing addressing = new Addressing(config.advertisedHost(), config.bindAddress(), config.domain(),
                ports, endpoint.headerFactory(), endpoint.addressFactory());
        LocalResponder responder = new LocalResponder(name, endpoint.sipProvider(), endpoint.messageFactory(),
                endpoint.headerFactory(), key(random));
        FlowToken tokens = new FlowToken(key(random));
        Lanes lanes = new Lanes(name, config.forwardLanes(), config.laneQueue());
        ThreadPoolExecutor lookups = credentialExecutor(config);
        Registrar registrar = new Registrar(name, clock, config.registrarMinExpires(),
                config.registrarDefaultExpires(), config.registrarMaxExpires(), config.maxBindingsPerUser(),
                config.maxBindings());
        PoolNodes nodes = new PoolNodes(name, clock, config.nodes(), config.maxChatDialogs(),
                config.chatDialogIdleTimeout().toMillis());
        FlowBindings flows = new FlowBindings(clock, config.maxConnections());
        Authenticator authenticator = new Authenticator(name, config.realm(), config.challengeAlgorithms(),
                config.acceptNullDigestUri(), config.strictDigestUri(), store, lookups,
                new NonceService(clock, config.nonceLifetime(), config.maxTrackedNonces(), random),
                new AuthThrottle(clock, config.authFailureLimit(), config.authFailureWindow()), clock,
                config.credentialCacheTtl());
        ConnectedFlows connected = new ConnectedFlows(clock, config.maxConnections(), CONNECTED_IDLE_MILLIS);
        Forwarder forwarder = new Forwarder(name, endpoint, addressing, tokens, responder, nodes, lanes, connected);
        InDialogRouter inDialog = new InDialogRouter(name, addressing, tokens, registrar, nodes, forwarder,
                responder);
        RegisterHandler registers = new RegisterHandler(name, registrar, flows, responder, endpoint.headerFactory(),
                endpoint.addressFactory(), config.keepAliveSeconds(), clock);
        List<String> poolUris = new ArrayList<>(config.chatServiceUris());
        ProvisioningHandler provisioning = new ProvisioningHandler(responder, endpoint.headerFactory(),
                new ProvisioningDocument(config.defaultPoolUri(), poolUris, config.webManagerUri()));
        OutOfDialogRouter outOfDialog = new OutOfDialogRouter(name, config.chatServiceUris(), addressing, registrar,
                nodes, forwarder, registers, provisioning, responder, endpoint.headerFactory(),
                endpoint.addressFactory());
        RequestHandler requests = new RequestHandler(name, endpoint.sipProvider(), endpoint.headerFactory(), connected,
                responder, authenticator, flows, config.registrarMaxExpires(), new TrustedPeers(name,
                config.trustedPeers()),
                config.challengeMode(), config.advertisedHost(), inDialog, outOfDialog);
        core.wire(requests, responder, flows, nodes, connected);
        endpoint.takeResponses(new StatelessResponseRelay(name, config.advertisedHost(), endpoint));
        return new ProxyAssembly(lanes, lookups, registrar, nodes, flows, connected,
                new NodePinger(endpoint, addressing));
    }

    public Registrar registrar() {
        return registrar;
    }

    public PoolNodes nodes() {
        return nodes;
    }

    public FlowBindings flows() {
        return flows;
    }

    /** Drops expired flow bindings and idle connection records; returns how many. */
    public int purgeFlows() {
        return flows.purgeExpired() + connected.purgeIdle();
    }

    /** Sends one health-check OPTIONS; true when the node answered. */
    public java.util.concurrent.CompletableFuture<Boolean> ping(PoolNodeAddress node) {
        return pinger.ping(node);
    }

    private static ThreadPoolExecutor credentialExecutor(ProxyConfig config) {
        AtomicInteger counter = new AtomicInteger();
        return new ThreadPoolExecutor(config.credentialThreads(), config.credentialThreads(), 0,
                TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(config.credentialQueue()), r -> {
                    Thread thread = new Thread(r, "pchat-proxy-auth-" + config.name() + "-"
                            + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    private static byte[] key(SecureRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return key;
    }

    @Override
    public void close() {
        lanes.close();
        credentialLookups.shutdownNow();
    }
}
