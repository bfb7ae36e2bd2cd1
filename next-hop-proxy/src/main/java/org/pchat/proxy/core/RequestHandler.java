package org.pchat.proxy.core;

import gov.nist.javax.sip.RequestEventExt;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.stack.SIPServerTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionUnavailableException;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.ProxyRequireHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.pchat.proxy.ChallengeMode;
import org.pchat.proxy.auth.AuthOutcome;
import org.pchat.proxy.auth.Authenticator;
import org.pchat.proxy.auth.FlowBindings;
import org.pchat.sip.Flow;
import org.pchat.sip.SipTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request the stack delivers starts here (RFC 3261 §16.3 validation, §16.4 route processing), on a stack
 * thread that must not block: ACKs and CANCELs are handled at once, requests without credentials from unknown
 * senders are challenged statelessly, an in-dialog INFO toward a client's connected flow is forwarded statelessly
 * ({@link InDialogRouter#forwardStatelessToClient}), everything else gets a server transaction (100 Trying for
 * INVITE) and is routed; credentials are checked on the credential executor, and sends that may connect go to a lane
 * ({@link Forwarder}).
 */
final class RequestHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RequestHandler.class);
    private static final int BUSY_RETRY_AFTER_SECONDS = 5;

    private final String proxyName;
    private final SipProvider provider;
    private final HeaderFactory headers;
    private final ConnectedFlows connected;
    private final LocalResponder responder;
    private final Authenticator authenticator;
    private final FlowBindings flows;
    private final long digestBindingSeconds;
    private final TrustedPeers trusted;
    private final ChallengeMode challengeMode;
    private final String advertisedHost;
    private final InDialogRouter inDialog;
    private final OutOfDialogRouter outOfDialog;

    RequestHandler(String proxyName, SipProvider provider, HeaderFactory headers, ConnectedFlows connected,
                   LocalResponder responder, Authenticator authenticator, FlowBindings flows,
                   long digestBindingSeconds, TrustedPeers trusted,
                   ChallengeMode challengeMode, String advertisedHost, InDialogRouter inDialog,
                   OutOfDialogRouter outOfDialog) {
        this.proxyName = proxyName;
        this.provider = provider;
        this.headers = headers;
        this.connected = connected;
        this.responder = responder;
        this.authenticator = authenticator;
        this.flows = flows;
        this.digestBindingSeconds = digestBindingSeconds;
        this.trusted = trusted;
        this.challengeMode = challengeMode;
        this.advertisedHost = advertisedHost;
        this.inDialog = inDialog;
        this.outOfDialog = outOfDialog;
    }

    /** Stack thread. */
    void onRequest(RequestEvent event) {
        Request request = event.getRequest();
        Flow flow = flowOf(event);
        String callId = LocalResponder.callId(request);
        String method = request.getMethod();
        if (Request.ACK.equals(method)) {
            onAck(event, request, flow, callId);
            return;
        }
        if (Request.CANCEL.equals(method)) {
            onCancel(event, request, flow, callId);
            return;
        }
        Optional<RequestSanity.Refusal> refusal = RequestSanity.check(request);
        if (refusal.isPresent()) {
            LOG.info("{} - {} refused {} ({}): call-id={} peer={}", proxyName, method, refusal.get().status(),
                    refusal.get().reason(), callId, flow);
            responder.respondStateless(request, null, refusal.get().status(), refusal.get().reason(), List.of());
            return;
        }
        boolean outOfDialogRequest = toTag(request) == null;
        Identity known = knownIdentity(request, flow);
        if (outOfDialogRequest && known instanceof Identity.Anonymous && credentials(request).isEmpty()
                && !outOfDialog.isOptionsToUs(request)) {
            if (authenticator.isThrottled(flow.remoteAddress())) {
                responder.respondStateless(request, null, Response.FORBIDDEN, "Too many authentication failures",
                        List.of());
            } else {
                challengeStateless(request, false);
            }
            return;
        }
        if (!outOfDialogRequest && Request.INFO.equals(method) && needsNoAnswerHere(request)
                && inDialog.forwardStatelessToClient(request, flow, known)) {
            connected.connected(flow);
            return;
        }
        ServerTransaction server = serverTransaction(event, callId, flow);
        if (server == null) {
            return;
        }
        if (Request.INVITE.equals(method)) {
            responder.respond(server, request, Response.TRYING, null, List.of());
        }
        connected.connected(flow);
        process(server, request, flow, known);
    }

    /** Stack thread: nothing here blocks (credential lookups and connects go to executors). */
    private void process(ServerTransaction server, Request request, Flow flow, Identity known) {
        String callId = LocalResponder.callId(request);
        if (!validate(server, request, callId, flow)) {
            return;
        }
        InDialogRouter.RouteInfo route = inDialog.popOwnRoutes(request);
        if (toTag(request) != null) {
            // in a dialog: our signed flow token proves we record-routed it; else the sender must be known
            if (route.clientFlow().isEmpty() && known instanceof Identity.Anonymous) {
                responder.respond(server, request, Response.FORBIDDEN, "Not routed through this proxy", List.of());
                return;
            }
            inDialog.route(server, request, flow, route, known);
            return;
        }
        if (!(known instanceof Identity.Anonymous) || outOfDialog.isOptionsToUs(request)) {
            routeOutOfDialog(server, request, flow, known);
            return;
        }
        Optional<String> header = credentials(request);
        if (header.isEmpty()) {
            challenge(server, request, false);
            return;
        }
        byte[] body = request.getRawContent() == null ? new byte[0] : request.getRawContent();
        authenticator.verify(header.get(), request.getMethod(), request.getRequestURI().toString(), body,
                flow.remoteAddress(), callId).thenAccept(outcome -> afterAuthentication(server, request, flow,
                outcome));
    }

    private void afterAuthentication(ServerTransaction server, Request request, Flow flow, AuthOutcome outcome) {
        String callId = LocalResponder.callId(request);
        // Java 17 has no pattern switch: this chain covers the sealed AuthOutcome
        if (outcome instanceof AuthOutcome.Authenticated ok) {
            if (flow.transport().isConnectionOriented()) {
                flows.bind(flow, ok.userUri(), digestBindingSeconds);
            }
            routeOutOfDialog(server, request, flow, new Identity.User(ok.userUri()));
        } else if (outcome instanceof AuthOutcome.Challenge again) {
            LOG.info("{} - {} challenged again ({}): call-id={} peer={}", proxyName, request.getMethod(),
                    again.reason(), callId, flow);
            challenge(server, request, again.stale());
        } else if (outcome instanceof AuthOutcome.Forbidden forbidden) {
            responder.respond(server, request, Response.FORBIDDEN, forbidden.reason(), List.of());
        } else if (outcome instanceof AuthOutcome.BadRequest bad) {
            responder.respond(server, request, Response.BAD_REQUEST, bad.reason(), List.of());
        } else if (outcome instanceof AuthOutcome.Unavailable unavailable) {
            if (unavailable.status() == Response.SERVICE_UNAVAILABLE) {
                busy(server, request);
            } else {
                responder.respond(server, request, unavailable.status(), unavailable.reason(), List.of());
            }
        }
    }

    private void routeOutOfDialog(ServerTransaction server, Request request, Flow flow, Identity identity) {
        try {
            outOfDialog.route(server, request, flow, identity);
        } catch (Exception e) {
            LOG.error("{} - {} could not be routed: call-id={} peer={}: {}", proxyName, request.getMethod(),
                    LocalResponder.callId(request), flow, e.toString(), e);
            responder.respond(server, request, Response.SERVER_INTERNAL_ERROR, null, List.of());
        }
    }

    /** RFC 3261 §16.3: Max-Forwards (483), loops (482), Proxy-Require (420). */
    private boolean validate(ServerTransaction server, Request request, String callId, Flow flow) {
        MaxForwardsHeader maxForwards = (MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME);
        if (maxForwards != null && maxForwards.getMaxForwards() <= 0 && !outOfDialog.isOptionsToUs(request)) {
            LOG.info("{} - {} with Max-Forwards 0 answered 483: call-id={} peer={}", proxyName,
                    request.getMethod(), callId, flow);
            responder.respond(server, request, Response.TOO_MANY_HOPS, null, List.of());
            return false;
        }
        if (isLoop(request)) {
            LOG.warn("{} - loop detected on {}: call-id={} peer={}", proxyName, request.getMethod(), callId, flow);
            responder.respond(server, request, Response.LOOP_DETECTED, null, List.of());
            return false;
        }
        ListIterator<?> required = request.getHeaders(ProxyRequireHeader.NAME);
        List<Header> unsupported = new ArrayList<>();
        while (required.hasNext()) {
            ProxyRequireHeader option = (ProxyRequireHeader) required.next();
            try {
                unsupported.add(headers.createUnsupportedHeader(option.getOptionTag()));
            } catch (java.text.ParseException e) {
                LOG.debug("{} - Proxy-Require tag {} not echoed: {}", proxyName, option.getOptionTag(),
                        e.toString());
            }
        }
        if (!unsupported.isEmpty()) {
            responder.respond(server, request, Response.BAD_EXTENSION, null, unsupported);
            return false;
        }
        return true;
    }

    /**
     * Whether none of the checks of {@link #validate} would answer the request (Max-Forwards left, no
     * Proxy-Require, no loop) and its top Via has a branch to derive ours from: only then may it be forwarded
     * without a transaction; the others take the stateful path, which answers them.
     */
    private boolean needsNoAnswerHere(Request request) {
        MaxForwardsHeader maxForwards = (MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME);
        ViaHeader top = (ViaHeader) request.getHeader(ViaHeader.NAME);
        return (maxForwards == null || maxForwards.getMaxForwards() > 0)
                && request.getHeader(ProxyRequireHeader.NAME) == null
                && top != null && top.getBranch() != null && !isLoop(request);
    }

    /** §16.3 step 4: a Via of ours whose branch carries this very request's hash. */
    private boolean isLoop(Request request) {
        String expected = null;
        ListIterator<?> vias = request.getHeaders(ViaHeader.NAME);
        while (vias.hasNext()) {
            ViaHeader via = (ViaHeader) vias.next();
            String branch = via.getBranch();
            if (branch == null || !branch.startsWith(Forwarder.BRANCH_PREFIX)
                    || !advertisedHost.equalsIgnoreCase(via.getHost())) {
                continue;
            }
            if (expected == null) {
                expected = Forwarder.BRANCH_PREFIX + Forwarder.loopHash(request) + "-";
            }
            if (branch.startsWith(expected)) {
                return true;
            }
        }
        return false;
    }

    private void onAck(RequestEvent event, Request request, Flow flow, String callId) {
        if (event.getServerTransaction() != null || responder.isLocalTag(callId, toTag(request))) {
            return;
        }
        inDialog.routeAck(request, flow);
    }

    private void onCancel(RequestEvent event, Request request, Flow flow, String callId) {
        ServerTransaction server = serverTransaction(event, callId, flow);
        if (server == null) {
            return;
        }
        SIPServerTransaction invite = server instanceof SIPServerTransaction st
                ? st.getCanceledInviteTransaction() : null;
        if (invite == null || !(invite.getApplicationData() instanceof ForwardingContext context)) {
            // RFC 3261 §16.10: no matching transaction: the CANCEL is forwarded statelessly... nowhere known
            responder.respond(server, request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null, List.of());
            return;
        }
        responder.respond(server, request, Response.OK, null, List.of());
        context.cancel();
    }

    /** Who the sender is without looking at credentials: a trusted peer, or a user bound to this connection. */
    private Identity knownIdentity(Request request, Flow flow) {
        if (trusted.allows(flow.remoteAddress())) {
            return new Identity.Trusted();
        }
        Optional<String> bound = flows.userOf(flow);
        if (bound.isEmpty()) {
            return new Identity.Anonymous();
        }
        String claimed = Request.REGISTER.equals(request.getMethod())
                ? RegisterHandler.addressOfRecord(request).orElse("")
                : Addressing.addressOfRecord(((javax.sip.header.FromHeader) request.getHeader("From"))
                        .getAddress().getURI()).orElse("");
        return bound.get().equals(claimed) ? new Identity.User(bound.get()) : new Identity.Anonymous();
    }

    private Optional<String> credentials(Request request) {
        Header header = request.getHeader(ProxyAuthorizationHeader.NAME);
        if (header == null && Request.REGISTER.equals(request.getMethod())) {
            header = request.getHeader(AuthorizationHeader.NAME);
        }
        if (header == null) {
            return Optional.empty();
        }
        String text = header.toString().trim();
        int colon = text.indexOf(':');
        return Optional.of(colon < 0 ? text : text.substring(colon + 1).trim());
    }

    private void challengeStateless(Request request, boolean stale) {
        responder.respondStateless(request, null, challengeStatus(request), null, challengeHeaders(request, stale));
    }

    /**
     * A challenge after the transaction was removed: the Lync client retries with the same branch and CSeq
     * (xccos.md §11), which must start a new transaction, not hit this one.
     */
    private void challenge(ServerTransaction server, Request request, boolean stale) {
        responder.respondStateless(request, server, challengeStatus(request), null,
                challengeHeaders(request, stale));
    }

    private int challengeStatus(Request request) {
        boolean www = challengeMode == ChallengeMode.WWW_AUTHENTICATE && Request.REGISTER.equals(request.getMethod());
        return www ? Response.UNAUTHORIZED : Response.PROXY_AUTHENTICATION_REQUIRED;
    }

    private List<Header> challengeHeaders(Request request, boolean stale) {
        String name = challengeStatus(request) == Response.UNAUTHORIZED ? "WWW-Authenticate" : "Proxy-Authenticate";
        List<Header> challenge = new ArrayList<>();
        for (String value : authenticator.challenge(stale)) {
            try {
                challenge.add(headers.createHeader(name, value));
            } catch (java.text.ParseException e) {
                throw new IllegalStateException("challenge header not built: " + e.getMessage(), e);
            }
        }
        return challenge;
    }

    private void busy(ServerTransaction server, Request request) {
        try {
            responder.respond(server, request, Response.SERVICE_UNAVAILABLE, "Proxy busy",
                    List.of(headers.createRetryAfterHeader(BUSY_RETRY_AFTER_SECONDS)));
        } catch (javax.sip.InvalidArgumentException e) {
            responder.respond(server, request, Response.SERVICE_UNAVAILABLE, "Proxy busy", List.of());
        }
    }

    /** The request's transaction; null for a retransmission the transaction layer already absorbed. */
    private ServerTransaction serverTransaction(RequestEvent event, String callId, Flow flow) {
        ServerTransaction existing = event.getServerTransaction();
        if (existing != null) {
            return existing;
        }
        try {
            return provider.getNewServerTransaction(event.getRequest());
        } catch (TransactionAlreadyExistsException e) {
            LOG.debug("{} - retransmitted {} absorbed: call-id={} peer={}", proxyName,
                    event.getRequest().getMethod(), callId, flow);
            return null;
        } catch (TransactionUnavailableException e) {
            LOG.warn("{} - {} dropped, no transaction: call-id={} peer={}: {}", proxyName,
                    event.getRequest().getMethod(), callId, flow, e.getMessage());
            return null;
        }
    }

    private static String toTag(Request request) {
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        return to == null ? null : to.getTag();
    }

    static Flow flowOf(RequestEvent event) {
        Request request = event.getRequest();
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        SipTransport transport = SipTransport.fromToken(via.getTransport());
        if (event instanceof RequestEventExt ext && ext.getRemoteIpAddress() != null) {
            return new Flow(transport, ext.getRemoteIpAddress(), ext.getRemotePort());
        }
        SIPMessage message = (SIPMessage) request;
        return new Flow(transport, message.getRemoteAddress().getHostAddress(), message.getRemotePort());
    }
}
