package org.pchat.sip;

import gov.nist.javax.sip.EventScanner;
import gov.nist.javax.sip.EventWrapper;
import gov.nist.javax.sip.ListeningPointImpl;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.ClientTransaction;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SIP endpoint on JAIN-SIP RI: listening points from a {@link SipStackConfig}, incoming requests to a
 * {@link SipRequestHandler}, dialogs as {@link DialogHandle}s, RFC 4028 session timers, 481 for unknown
 * dialogs, and a clean {@link #close()}. Knows nothing about chat.
 *
 * <p>Lifecycle: construct, {@link #start()}, then {@link #close()} (or {@link #closeGracefully(Duration)} to
 * BYE every dialog first). Thread-safe.
 *
 * <p>Raw mode ({@link #raw(SipStackConfig, SipListener)}) is for a stateful proxy: the same stack, listening points
 * and flow pinning, but every JAIN-SIP event goes to the caller's listener and the endpoint answers nothing by
 * itself (no dialogs, no 481, no ACK absorption): the caller owns transactions through {@link #sipProvider()},
 * {@link #newClientTransaction(Request, Optional)} and {@link #sendStateless(Request, Optional)}.
 */
public final class SipEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SipEndpoint.class);
    private static final int FREE_PORT_ATTEMPTS = 5;
    private static final long EXECUTOR_SHUTDOWN_SECONDS = 5;

    private final SipStackConfig config;
    private final SipRequestHandler handler;
    private final SipEndpointListener listener;
    private final SipListener rawListener;
    private final MessageFactory messageFactory = new MessageFactoryImpl();
    private final HeaderFactory headerFactory = new HeaderFactoryImpl();
    private final AddressFactory addressFactory = new AddressFactoryImpl();
    private final List<BoundListeningPoint> bound = new ArrayList<>();
    private final List<ListeningPoint> listeningPoints = new ArrayList<>();

    private SipStackImpl stack;
    private SipProvider provider;
    private ExecutorService sendPool;
    private ScheduledExecutorService timerPool;
    private DialogRegistry registry;
    private OutgoingRequests outgoing;
    private SipListener stackListener;
    private Runnable stopDelivering = () -> { };
    private FlowRouter router;
    /** The TCP listening point's processor, once started; read without the monitor by {@link #sendTcp}. */
    private volatile MessageProcessor tcpProcessor;
    private boolean started;
    private boolean closed;

    public SipEndpoint(SipStackConfig config, SipRequestHandler handler, SipEndpointListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.rawListener = null;
    }

    private SipEndpoint(SipStackConfig config, SipListener rawListener) {
        this.config = Objects.requireNonNull(config, "config");
        this.handler = null;
        this.listener = null;
        this.rawListener = Objects.requireNonNull(rawListener, "rawListener");
    }

    /**
     * An endpoint in raw mode: every JAIN-SIP event (requests, responses, timeouts, I/O errors) goes to
     * {@code listener} on the stack's processing threads, and nothing is answered automatically. Dialog methods
     * ({@link #sendRequest}, {@link #dialogs()}) are unavailable; use {@link #newClientTransaction} and
     * {@link #sendStateless}. Events stop once {@link #close()} begins.
     */
    public static SipEndpoint raw(SipStackConfig config, SipListener listener) {
        return new SipEndpoint(config, listener);
    }

    /**
     * Creates the stack, binds every listening point and starts processing.
     *
     * @throws SipEndpointException if the stack cannot be created or a port cannot be bound
     * @throws IllegalStateException if already started or closed
     */
    public synchronized void start() {
        if (started || closed) {
            throw new IllegalStateException("endpoint '" + config.stackName() + "' already "
                    + (closed ? "closed" : "started"));
        }
        started = true;
        Properties properties = StackProperties.build(config);
        LOG.info("{} - starting: {}", config.stackName(), config);
        LOG.debug("{} - stack properties: {}", config.stackName(), StackProperties.describe(properties));
        try {
            stack = new SipStackImpl(properties);
            Map<SipTransport, Integer> ports = bindListeningPoints();
            provider = stack.createSipProvider(listeningPoints.get(0));
            for (ListeningPoint extra : listeningPoints.subList(1, listeningPoints.size())) {
                provider.addListeningPoint(extra);
            }
            wire(ports);
            provider.addSipListener(stackListener);
            stack.start();
        } catch (Exception e) {
            LOG.error("{} - start failed: {}", config.stackName(), e.toString(), e);
            close();
            throw e instanceof SipEndpointException se ? se
                    : new SipEndpointException("endpoint '" + config.stackName() + "' failed to start: " + e, e);
        }
        LOG.info("{} - listening on {}", config.stackName(), bound);
    }

    private void wire(Map<SipTransport, Integer> ports) {
        sendPool = Executors.newFixedThreadPool(config.threadPoolSize(),
                threads("pchat-sip-send-" + config.stackName()));
        timerPool = Executors.newSingleThreadScheduledExecutor(threads("pchat-sip-timer-" + config.stackName()));
        router = (FlowRouter) stack.getRouter();
        if (rawListener != null) {
            RawEventGate gate = new RawEventGate(rawListener);
            stackListener = gate;
            stopDelivering = gate::stop;
            return;
        }
        // The timer's expiry action reads the field at expiry time, when it is set.
        SessionTimer sessionTimer = new SessionTimer(config, headerFactory, timerPool, this::expire);
        registry = new DialogRegistry(sessionTimer, listener);
        DirectRequests direct = new DirectRequests((long) OutgoingRequests.TIMER_F_MULTIPLIER * config.t1Millis());
        offerResponsesTo(direct);
        timerPool.scheduleWithFixedDelay(direct::expire, 1, 1, TimeUnit.SECONDS);
        outgoing = new OutgoingRequests(config, provider, headerFactory, router, registry, listener, direct);
        Responder responder = new Responder(messageFactory, headerFactory, addressFactory, sessionTimer, registry,
                config.advertisedHost(), ports);
        RequestDispatcher dispatcher = new RequestDispatcher(provider, responder, registry, sessionTimer, outgoing,
                sendPool, handler);
        StackEventListener events = new StackEventListener(config.stackName(), dispatcher, outgoing, registry,
                listener);
        stackListener = events;
        stopDelivering = events::stopDelivering;
    }

    /** RFC 4028 §10: the session was not refreshed: BYE, then the dialog ends as SESSION_EXPIRED. */
    private void expire(DialogHandle dialog) {
        outgoing.send(dialog, Request.BYE, List.of(), null, null, TerminationReason.SESSION_EXPIRED);
    }

    private Map<SipTransport, Integer> bindListeningPoints() throws Exception {
        Map<SipTransport, Integer> ports = new EnumMap<>(SipTransport.class);
        for (ListeningPointSpec spec : config.listeningPoints()) {
            ListeningPoint point = bind(spec);
            point.setSentBy(config.advertisedHost() + ":" + point.getPort());
            listeningPoints.add(point);
            ports.put(spec.transport(), point.getPort());
            bound.add(new BoundListeningPoint(spec.transport(), config.bindAddress(), point.getPort()));
            if (spec.transport() == SipTransport.TCP) {
                tcpProcessor = ((ListeningPointImpl) point).getMessageProcessor();
            }
        }
        return ports;
    }

    /** JAIN-SIP rejects port 0, so a free port is probed first; a lost race is retried. */
    private ListeningPoint bind(ListeningPointSpec spec) throws Exception {
        String transport = spec.transport().jainSipName();
        if (spec.port() != 0) {
            return stack.createListeningPoint(config.bindAddress(), spec.port(), transport);
        }
        Exception last = null;
        for (int attempt = 1; attempt <= FREE_PORT_ATTEMPTS; attempt++) {
            int port = freePort(spec.transport());
            try {
                return stack.createListeningPoint(config.bindAddress(), port, transport);
            } catch (Exception e) {
                LOG.debug("{} - free {} port {} taken meanwhile (attempt {}): {}", config.stackName(), transport,
                        port, attempt, e.toString());
                last = e;
            }
        }
        throw new SipEndpointException("no free " + transport + " port on " + config.bindAddress() + " after "
                + FREE_PORT_ATTEMPTS + " attempts (stack '" + config.stackName() + "')", last);
    }

    private int freePort(SipTransport transport) throws IOException {
        InetAddress address = InetAddress.getByName(config.bindAddress());
        if (transport == SipTransport.UDP) {
            try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(address, 0))) {
                return socket.getLocalPort();
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, address)) {
            return socket.getLocalPort();
        }
    }

    /** The port actually bound for a transport. */
    public synchronized int boundPort(SipTransport transport) {
        return bound.stream().filter(b -> b.transport() == transport).findFirst()
                .map(BoundListeningPoint::port)
                .orElseThrow(() -> new IllegalStateException("no " + transport + " listening point on endpoint '"
                        + config.stackName() + "'" + (started ? "" : " (not started)")));
    }

    public synchronized List<BoundListeningPoint> listeningPoints() {
        return List.copyOf(bound);
    }

    public SipStackConfig config() {
        return config;
    }

    public MessageFactory messageFactory() {
        return messageFactory;
    }

    public HeaderFactory headerFactory() {
        return headerFactory;
    }

    public AddressFactory addressFactory() {
        return addressFactory;
    }

    /** The JAIN-SIP provider, for what this API does not cover (e.g. a proxy forwarding statelessly). */
    public synchronized SipProvider sipProvider() {
        requireStarted();
        return provider;
    }

    /**
     * Sends a request outside any dialog (OPTIONS, MESSAGE, NOTIFY, a forwarded request...). With a flow, the
     * request goes down that flow, e.g. the connection a client that never listens opened (xccos.md §11);
     * without, it is routed by its Route headers and Request-URI (RFC 3261 §8.1.2). Never blocks; the future
     * always completes normally, with the same outcomes as {@link DialogHandle} requests.
     */
    public CompletableFuture<RequestOutcome> sendRequest(Request request, Optional<Flow> flow) {
        Objects.requireNonNull(request, "request");
        OutgoingRequests sender;
        synchronized (this) {
            requireStarted();
            requireUasMode("sendRequest");
            sender = outgoing;
        }
        return sender.sendOutOfDialog(request, flow.orElse(null), sendPool);
    }

    /**
     * A new client transaction for {@code request} (its retransmit timer set to T1), not yet sent. With a flow,
     * the transaction's next hop is that flow (the peer's own connection, or its UDP source address), whatever
     * the Route headers and Request-URI say; without, RFC 3261 §8.1.2 routing applies.
     *
     * @throws SipException as {@link SipProvider#getNewClientTransaction(Request)}
     */
    public ClientTransaction newClientTransaction(Request request, Optional<Flow> flow) throws SipException {
        Objects.requireNonNull(request, "request");
        SipProvider current;
        FlowRouter pin;
        synchronized (this) {
            requireStarted();
            current = provider;
            pin = router;
        }
        ClientTransaction transaction = withFlow(pin, flow, () -> current.getNewClientTransaction(request));
        transaction.setRetransmitTimer(config.t1Millis());
        return transaction;
    }

    /**
     * Sends a request statelessly (RFC 3261 §16.11; e.g. a proxy forwarding an ACK for a 2xx), down {@code flow}
     * when given. Writes on the calling thread.
     *
     * @throws SipException as {@link SipProvider#sendRequest(Request)}
     */
    public void sendStateless(Request request, Optional<Flow> flow) throws SipException {
        Objects.requireNonNull(request, "request");
        SipProvider current;
        FlowRouter pin;
        synchronized (this) {
            requireStarted();
            current = provider;
            pin = router;
        }
        withFlow(pin, flow, () -> {
            current.sendRequest(request);
            return null;
        });
    }

    /**
     * Offers every response that arrives over TCP to {@code shortcut} before the stack parses it (raw mode; a
     * dialog endpoint takes the answers to its own direct requests this way).
     *
     * @throws IllegalStateException before {@link #start()}, or on an endpoint that is not raw
     */
    public synchronized void takeResponses(ResponseShortcut shortcut) {
        Objects.requireNonNull(shortcut, "shortcut");
        requireStarted();
        if (rawListener == null) {
            throw new IllegalStateException("endpoint '" + config.stackName() + "' answers its own responses");
        }
        offerResponsesTo(shortcut);
    }

    private void offerResponsesTo(ResponseShortcut shortcut) {
        if (tcpProcessor instanceof CachingNioMessageProcessorFactory.CachingTcpProcessor tcp) {
            tcp.responseShortcut(shortcut);
        }
    }

    /**
     * Writes an encoded message to {@code address}:{@code port} over TCP, on the connection the stack has there
     * (opened if none), as the stack writes a response it sends statelessly (RFC 3261 §18.2.2). Writes on the
     * calling thread.
     *
     * @throws IOException when it cannot be written
     */
    public void sendTcp(byte[] message, InetAddress address, int port) throws IOException {
        Objects.requireNonNull(message, "message");
        MessageProcessor tcp = tcpProcessor;
        if (tcp == null) {
            throw new IOException("endpoint '" + config.stackName() + "' has no TCP listening point, or is closed");
        }
        if (!(tcp.createMessageChannel(address, port) instanceof NioTcpMessageChannel channel)) {
            throw new IOException("no TCP connection to " + address.getHostAddress() + ":" + port);
        }
        channel.sendTCPMessage(message, address, port, false);
    }

    private static <T> T withFlow(FlowRouter pin, Optional<Flow> flow, java.util.concurrent.Callable<T> action)
            throws SipException {
        try {
            return flow.isPresent() ? pin.withPinnedFlow(flow.get(), action) : action.call();
        } catch (SipException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new SipException(e.toString(), e);
        }
    }

    /** Live (early or confirmed) dialogs. */
    public synchronized List<DialogHandle> dialogs() {
        return registry == null ? List.of() : registry.all();
    }

    public synchronized Optional<DialogHandle> dialog(String id) {
        return registry == null ? Optional.empty() : registry.byId(id);
    }

    /** Sends BYE in every confirmed dialog, waits up to {@code timeout} for the answers, then closes. */
    public void closeGracefully(Duration timeout) {
        List<CompletableFuture<RequestOutcome>> byes = new ArrayList<>();
        for (DialogHandle dialog : dialogs()) {
            if (dialog.isConfirmed()) {
                byes.add(dialog.sendBye());
            }
        }
        try {
            CompletableFuture.allOf(byes.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("{} - {} BYEs not all answered within {}", config.stackName(), byes.size(), timeout);
        } catch (ExecutionException e) {
            LOG.warn("{} - BYE failed during shutdown: {}", config.stackName(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("{} - interrupted while waiting for BYE answers", config.stackName());
        }
        close();
    }

    /**
     * Ends every dialog locally (the application hears {@link TerminationReason#ENDPOINT_CLOSED}), stops the
     * listening points and the stack, and stops the endpoint's threads. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            tcpProcessor = null;
        }
        if (registry != null) {
            registry.all().forEach(dialog -> registry.terminate(dialog, TerminationReason.ENDPOINT_CLOSED));
        }
        stopDelivering.run();
        if (provider != null && stackListener != null) {
            provider.removeSipListener(stackListener);
        }
        EventScanner scanner = stack == null ? null : stack.getEventScanner();
        if (stack != null) {
            for (ListeningPoint point : listeningPoints) {
                try {
                    stack.deleteListeningPoint(point);
                } catch (Exception e) {
                    LOG.warn("{} - cannot delete listening point {}: {}", config.stackName(), point, e.toString());
                }
            }
            if (provider != null) {
                try {
                    stack.deleteSipProvider(provider);
                } catch (Exception e) {
                    LOG.warn("{} - cannot delete provider: {}", config.stackName(), e.toString());
                }
            }
            stack.stop();
        }
        wake(scanner);
        shutdown(timerPool);
        shutdown(sendPool);
        LOG.info("{} - closed", config.stackName());
    }

    /**
     * JAIN-SIP RI quirk: {@code SipStack.stop()} only flags the (non-daemon) EventScannerThread as stopped; the
     * thread stays blocked on its empty queue for ever. One harmless event wakes it so it sees the flag and
     * ends; the listener ignores events once closing.
     */
    private void wake(EventScanner scanner) {
        if (scanner != null) {
            scanner.addEvent(new EventWrapper(new IOExceptionEvent(stack, "endpoint-closed", 0, "TCP"), null));
        }
    }

    private void shutdown(ExecutorService executor) {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(EXECUTOR_SHUTDOWN_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("{} - executor threads still running after {} s", config.stackName(),
                        EXECUTOR_SHUTDOWN_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("{} - interrupted while stopping executors", config.stackName());
        }
    }

    private void requireUasMode(String operation) {
        if (rawListener != null) {
            throw new IllegalStateException(operation + " is not available on raw endpoint '" + config.stackName()
                    + "'");
        }
    }

    private void requireStarted() {
        if (!started || closed) {
            throw new IllegalStateException("endpoint '" + config.stackName() + "' is "
                    + (closed ? "closed" : "not started"));
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
