package org.pchat.server.sip;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sip.header.Header;
import javax.sip.message.Request;
import org.pchat.server.chat.ChatService;
import org.pchat.sip.DialogHandle;
import org.pchat.sip.IncomingRequest;
import org.pchat.sip.RequestOutcome;
import org.pchat.sip.SipEndpoint;
import org.pchat.sip.SipEndpointListener;
import org.pchat.sip.SipStackConfig;
import org.pchat.sip.SipTransport;
import org.pchat.sip.TerminationReason;
import org.pchat.xccos.codec.XccosEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat node's SIP endpoint (ARCHITECTURE.md §4): listens on TCP for traffic from the proxy, accepts
 * INVITEs to its chat URIs, answers INFOs and turns each dialog into a channel session of the chat core.
 * Requests from peers that are not trusted get 403; ACK, UPDATE, BYE and requests on unknown dialogs (481) are
 * answered by the sip-stack endpoint.
 *
 * <p>Lifecycle: construct, {@link #start()}, {@link #close()} (BYE to every session, then stop).
 */
public final class ChatSipEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChatSipEndpoint.class);
    private static final String ALLOW = "INVITE, ACK, BYE, CANCEL, INFO, UPDATE, OPTIONS";
    private static final Duration BYE_WAIT = Duration.ofSeconds(2);

    private final SipChatConfig config;
    private final ChatService chat;
    private final Clock clock;
    private final TrustedPeers trusted;
    private final SipSessions sessions = new SipSessions();
    private final XccosEncoder encoder = new XccosEncoder();
    private final XccosViews views;
    private volatile SipEndpoint endpoint;
    private volatile InviteHandler invites;
    private volatile InfoHandler infos;
    private final SessionAdmission admission;
    private final InfoBacklog backlog = new InfoBacklog();
    private final BusyAdmission busy;

    public ChatSipEndpoint(SipChatConfig config, ChatService chat, Clock clock) {
        this(config, chat, clock, SessionAdmission.OPEN);
    }

    /**
     * @param admission whether new sessions are taken (pool role); refused INVITEs get 503
     */
    public ChatSipEndpoint(SipChatConfig config, ChatService chat, Clock clock, SessionAdmission admission) {
        this.admission = Objects.requireNonNull(admission, "admission");
        this.config = Objects.requireNonNull(config, "config");
        this.chat = Objects.requireNonNull(chat, "chat");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.trusted = new TrustedPeers(config.trustedPeers());
        this.views = new XccosViews(config.domain());
        // a quarter of a lane: sessions taken just before bring their joins after their INVITE, and those must fit
        this.busy = new BusyAdmission(config.nodeId(), backlog, config.admissionBacklog(), chat::roomLaneBacklog,
                Math.max(1, chat.roomLaneCapacity() / 4), config.busyRetryAfterSeconds());
    }

    /** Binds the TCP listener and starts answering. */
    public synchronized void start() {
        if (endpoint != null) {
            throw new IllegalStateException(config.nodeId() + " - chat SIP endpoint already started");
        }
        SipStackConfig stack = SipStackConfig.builder("pchat-chat-" + config.nodeId())
                .bindAddress(config.bindAddress())
                .advertisedHost(config.advertisedHost())
                .listen(SipTransport.TCP, config.port())
                .maxMessageSize(config.maxMessageSize())
                .sessionExpiresSeconds(config.sessionExpiresSeconds())
                .allowShortSessionInterval(config.sessionExpiresSeconds() < SipStackConfig.RFC4028_MIN_SE_SECONDS)
                .t1Millis(config.t1Millis())
                // a server INFO per delivery, all over TCP: the RI's compaction re-parses each finished one on its
                // single timer thread, which fell behind in a sign-in storm (docs/benchmarks.md, M80K-2)
                .compactFinishedTransactions(false)
                .build();
        SipEndpoint created = new SipEndpoint(stack, this::onRequest, new Listener());
        XccosCommandHandler commands = new XccosCommandHandler(config, views, chat, clock);
        this.infos = new InfoHandler(config, sessions, commands, created.headerFactory(), clock);
        this.invites = new InviteHandler(config, sessions, this::newSession,
                () -> created.boundPort(SipTransport.TCP));
        this.endpoint = created;
        try {
            created.start();
        } catch (RuntimeException e) {
            this.endpoint = null;
            throw e;
        }
        LOG.info("{} - chat SIP endpoint on TCP {}:{}, chat URIs {}, trusted peers {}", config.nodeId(),
                config.bindAddress(), port(), config.chatUris(), config.trustedPeers());
    }

    /** The bound TCP port. */
    public synchronized int port() {
        if (endpoint == null) {
            throw new IllegalStateException(config.nodeId() + " - chat SIP endpoint not started");
        }
        return endpoint.boundPort(SipTransport.TCP);
    }

    /** Live channel sessions. */
    public int sessionCount() {
        return sessions.size();
    }

    /**
     * Ends every channel session with a BYE (the node is draining): clients sign in again through the proxy and
     * land on another node.
     *
     * @return how many sessions were ended
     */
    public int endSessions(String reason) {
        List<SipSession> all = sessions.all();
        for (SipSession session : all) {
            LOG.info("{} - ending channel session of {} ({}): call-id={}", config.nodeId(), session.userUri(), reason,
                    session.dialog().callId());
            session.dialog().sendBye();
        }
        return all.size();
    }

    /** BYE to every session (waiting briefly for the answers), then stops the endpoint. */
    @Override
    public synchronized void close() {
        if (endpoint != null) {
            endpoint.closeGracefully(BYE_WAIT);
            LOG.info("{} - chat SIP endpoint stopped", config.nodeId());
        }
    }

    private SipSession newSession(DialogHandle dialog, String user) {
        return new SipSession(config, dialog, user, views, encoder, chat, backlog);
    }

    private void onRequest(IncomingRequest in) {
        if (!trusted.allows(in.flow().remoteAddress())) {
            LOG.warn("{} - {} from untrusted peer {} answered 403: call-id={}", config.nodeId(), in.method(),
                    in.flow(), in.callId());
            in.respond(403, "Forbidden: peer " + in.flow().remoteAddress() + " is not trusted");
            return;
        }
        switch (in.method()) {
            case Request.INVITE -> {
                boolean reInvite = in.dialog().flatMap(d -> sessions.get(d.id())).isPresent();
                if (reInvite) {
                    invites.onReInvite(in);
                } else {
                    Optional<String> refusal = admission.refusal();
                    Optional<String> behind = refusal.isPresent() ? Optional.empty() : busy.refusal();
                    if (refusal.isPresent()) {
                        LOG.info("{} - INVITE answered 503 ({}): call-id={} peer={}", config.nodeId(), refusal.get(),
                                in.callId(), in.flow());
                        in.respond(503, "Service Unavailable: " + refusal.get());
                    } else if (behind.isPresent()) {
                        LOG.debug("{} - INVITE answered 503 ({}): call-id={} peer={}", config.nodeId(), behind.get(),
                                in.callId(), in.flow());
                        in.respond(503, "Service Unavailable: " + behind.get(), retryAfter(), null, null);
                    } else {
                        invites.onInvite(in);
                    }
                }
            }
            case Request.INFO -> infos.onInfo(in);
            case Request.OPTIONS -> in.respond(200, null, allow(), null, null);
            default -> {
                LOG.info("{} - {} answered 405: call-id={} peer={}", config.nodeId(), in.method(), in.callId(),
                        in.flow());
                in.respond(405, "Method Not Allowed", allow(), null, null);
            }
        }
    }

    /** Server INFOs of all sessions waiting or unanswered (the figure admission is decided on). */
    public long infoBacklog() {
        return backlog.count();
    }

    private List<Header> retryAfter() {
        try {
            return List.of(endpoint.headerFactory().createRetryAfterHeader(busy.retryAfterSeconds()));
        } catch (javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException("Retry-After " + busy.retryAfterSeconds() + " refused", e);
        }
    }

    /** One Allow header per method: JAIN-SIP builds a single header from one method only. */
    private List<Header> allow() {
        List<Header> allow = new ArrayList<>();
        try {
            for (String method : ALLOW.split(",")) {
                allow.add(endpoint.headerFactory().createAllowHeader(method.trim()));
            }
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build Allow from " + ALLOW, e);
        }
        return allow;
    }

    /** Ends sessions with their dialogs. */
    private final class Listener implements SipEndpointListener {
        @Override
        public void onDialogTerminated(DialogHandle dialog, TerminationReason reason) {
            sessions.remove(dialog.id()).ifPresent(session -> session.terminated(reason));
        }

        @Override
        public void onRequestFailed(DialogHandle dialog, String method, RequestOutcome outcome) {
            LOG.debug("{} - {} in dialog failed: {} call-id={}", config.nodeId(), method,
                    OutboundInfoQueue.describeFailure(outcome), dialog.callId());
        }
    }
}
