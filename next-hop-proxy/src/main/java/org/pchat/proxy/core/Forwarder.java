package org.pchat.proxy.core;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.sip.ClientTransaction;
import javax.sip.ServerTransaction;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.pchat.proxy.pool.PoolNodeAddress;
import org.pchat.proxy.pool.PoolNodes;
import org.pchat.sip.BranchlessAckValve;
import org.pchat.sip.Flow;
import org.pchat.sip.SipEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and sends forwarded requests (RFC 3261 §16.6): copy, new Request-URI, Max-Forwards decremented,
 * Record-Route with the client's flow token (two entries when the transports differ, RFC 5658), our Via with a
 * loop-detection hash in the branch, then a client transaction down the target's flow. ACKs for 2xx go
 * statelessly (§16.11). Sends that may connect (blocking) run on the Call-ID's forwarding lane.
 */
final class Forwarder {

    private static final Logger LOG = LoggerFactory.getLogger(Forwarder.class);
    /** Our branches start with this (after the magic cookie), then the loop hash (§16.6 step 8). */
    static final String BRANCH_PREFIX = "z9hG4bK-pxy-";
    private static final String ACK_BRANCH_PREFIX = "z9hG4bK-pxa-";
    private static final int DEFAULT_MAX_FORWARDS = 70;

    private final String proxyName;
    private final SipEndpoint endpoint;
    private final Addressing addressing;
    private final FlowToken tokens;
    private final LocalResponder responder;
    /** Call-IDs with requests waiting on their lane, and how many. */
    private final ConcurrentHashMap<String, Integer> laned =
            new ConcurrentHashMap<>();
    private final PoolNodes nodes;
    private final Lanes lanes;
    private final ConnectedFlows connected;
    private final AtomicLong counter = new AtomicLong();

    Forwarder(String proxyName, SipEndpoint endpoint, Addressing addressing, FlowToken tokens,
              LocalResponder responder, PoolNodes nodes, Lanes lanes, ConnectedFlows connected) {
        this.proxyName = proxyName;
        this.endpoint = endpoint;
        this.addressing = addressing;
        this.tokens = tokens;
        this.responder = responder;
        this.nodes = nodes;
        this.lanes = lanes;
        this.connected = connected;
    }

    /** What a forwarded request carries besides the Request-URI. */
    record Options(boolean recordRoute, Flow inbound, Optional<String> assertedUser) {
    }

    /**
     * Forwards {@code request} (its Routes naming us already removed) to every target in parallel (§16.5 forking).
     *
     * @param failover for chat requests: given the nodes tried, another node's target when one fails or is busy
     */
    void forward(ServerTransaction server, Request request, List<Target> targets, Options options,
                 Function<Set<PoolNodeAddress>, Optional<Target>> failover) {
        String callId = LocalResponder.callId(request);
        ForwardingContext context = new ForwardingContext(proxyName, server, request, callId, this, responder,
                failover);
        try {
            context.template = template(request, options);
        } catch (Exception e) {
            LOG.warn("{} - {} not forwardable: call-id={}: {}", proxyName, request.getMethod(), callId, e.toString());
            responder.respond(server, request, 500, "Request not forwardable", List.of());
            return;
        }
        context.options = options;
        context.loopHash = loopHash(request);
        server.setApplicationData(context);
        List<ForwardingContext.Branch> branches = targets.stream().map(context::newBranch).toList();
        branches.forEach(this::sendBranch);
    }

    /**
     * Sends one branch: at once when that cannot block (UDP, a connected flow), else on the Call-ID's lane; a
     * send failure becomes a 503 for that branch.
     */
    void sendBranch(ForwardingContext.Branch branch) {
        String callId = branch.context.callId;
        if (!connected.mayBlock(branch.target.hop()) && !laned.containsKey(callId)) {
            sendNow(branch);
            return;
        }
        // while a request of this Call-ID waits on its lane, later ones queue behind it: a dialog's requests
        // must leave in the order they came (a UAS answers a lower CSeq after a higher one with 500)
        laned.merge(callId, 1, Integer::sum);
        try {
            lanes.execute(callId, () -> {
                try {
                    sendNow(branch);
                } finally {
                    laned.computeIfPresent(callId, (k, n) -> n == 1 ? null : n - 1);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            laned.computeIfPresent(callId, (k, n) -> n == 1 ? null : n - 1);
            LOG.warn("{} - {} not forwarded, lane full: call-id={}", proxyName, branch.context.original.getMethod(),
                    branch.context.callId);
            branch.context.onBranchFailed(branch, 503, "Proxy busy");
        }
    }

    private void sendNow(ForwardingContext.Branch branch) {
        ForwardingContext context = branch.context;
        Target target = branch.target;
        try {
            // the only branch takes the template itself; forks copy it, a failover builds it anew
            Request copy = context.takeTemplate();
            if (copy == null) {
                copy = template(context.original, context.options);
            }
            copy.setRequestURI((URI) target.requestUri().clone());
            if (context.options.recordRoute()) {
                addRecordRoutes(copy, context.options.inbound(), target.hop());
            }
            copy.addFirst(addressing.via(target.hop().transport(),
                    BRANCH_PREFIX + context.loopHash + "-" + counter.incrementAndGet()));
            ClientTransaction transaction = endpoint.newClientTransaction(copy, Optional.of(target.hop()));
            transaction.setApplicationData(branch);
            branch.transaction = transaction;
            transaction.sendRequest();
            connected.connected(target.hop());
            LOG.debug("{} - {} forwarded to {}: call-id={}", proxyName, copy.getMethod(), target.hop(),
                    context.callId);
        } catch (Exception e) {
            LOG.info("{} - {} not forwarded to {}: call-id={}: {}", proxyName, context.original.getMethod(),
                    target.hop(), context.callId, e.toString());
            context.onBranchFailed(branch, 503, "Next hop unreachable");
        }
    }

    /** Whether {@code branch} is one {@link #forwardStateless} put on a request (its responses have no transaction). */
    static boolean isStatelessBranch(String branch) {
        return branch != null && branch.startsWith(BRANCH_PREFIX) && branch.indexOf("-s", BRANCH_PREFIX.length()) > 0;
    }

    /** Whether a request of this Call-ID to {@code hop} would be sent at once (not queued on a lane). */
    boolean sendsAtOnce(Flow hop, String callId) {
        return !connected.mayBlock(hop) && !laned.containsKey(callId);
    }

    /**
     * Forwards without transactions (§16.11), at once: the caller checked {@link #sendsAtOnce}. The branch is
     * derived from the sender's, so a retransmission is forwarded with the same one (§16.11), and carries the loop
     * hash like every branch of ours. A send that fails is answered 503 statelessly.
     */
    void forwardStateless(Request request, Target target, Options options) {
        String callId = LocalResponder.callId(request);
        try {
            String incoming = ((ViaHeader) request.getHeader(ViaHeader.NAME)).getBranch();
            Request copy = template(request, options);
            copy.addFirst(addressing.via(target.hop().transport(),
                    BRANCH_PREFIX + loopHash(request) + "-s" + fastHash(incoming)));
            endpoint.sendStateless(copy, Optional.of(target.hop()));
            connected.connected(target.hop());
            LOG.debug("{} - {} forwarded statelessly to {}: call-id={}", proxyName, copy.getMethod(), target.hop(),
                    callId);
        } catch (Exception e) {
            LOG.info("{} - {} not forwarded to {}: call-id={}: {}", proxyName, request.getMethod(), target.hop(),
                    callId, e.toString());
            responder.respondStateless(request, null, 503, "Next hop unreachable", List.of());
        }
    }

    /** Sends CANCEL on a branch (§16.10). */
    void cancel(ForwardingContext.Branch branch) {
        try {
            Request cancel = branch.transaction.createCancel();
            ClientTransaction transaction = endpoint.newClientTransaction(cancel, Optional.of(branch.target.hop()));
            transaction.sendRequest();
        } catch (Exception e) {
            LOG.info("{} - CANCEL not sent to {}: call-id={}: {}", proxyName, branch.target.hop(),
                    branch.context.callId, e.toString());
        }
    }

    /** Forwards an ACK for a 2xx statelessly (§16.11), on a lane when sending could block. */
    void forwardAck(Request ack, Target target) {
        if (!connected.mayBlock(target.hop())) {
            sendAck(ack, target);
            return;
        }
        try {
            lanes.execute(LocalResponder.callId(ack), () -> sendAck(ack, target));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.warn("{} - ACK dropped, lane full: call-id={}", proxyName, LocalResponder.callId(ack));
        }
    }

    private void sendAck(Request ack, Target target) {
        String callId = LocalResponder.callId(ack);
        try {
            Request copy = template(ack, new Options(false, target.hop(), Optional.empty()));
            copy.setRequestURI((URI) target.requestUri().clone());
            copy.addFirst(addressing.via(target.hop().transport(), ACK_BRANCH_PREFIX + ackHash(ack)));
            endpoint.sendStateless(copy, Optional.of(target.hop()));
            connected.connected(target.hop());
        } catch (Exception e) {
            LOG.info("{} - ACK not forwarded to {}: call-id={}: {}", proxyName, target.hop(), callId, e.toString());
        }
    }

    void chatSessionStarted(String callId, PoolNodeAddress node) {
        nodes.sessionStarted(callId, node);
    }

    void nodeFailed(PoolNodeAddress node, String reason) {
        nodes.markFailed(node, 1, reason);
    }

    /** The copy common to every branch: Max-Forwards, no credentials for us, asserted identity. */
    private Request template(Request request, Options options) throws Exception {
        Request copy = (Request) request.clone();
        MaxForwardsHeader maxForwards = (MaxForwardsHeader) copy.getHeader(MaxForwardsHeader.NAME);
        if (maxForwards == null) {
            copy.setHeader(responder.headers().createMaxForwardsHeader(DEFAULT_MAX_FORWARDS));
        } else {
            maxForwards.decrementMaxForwards();
        }
        ViaHeader top = (ViaHeader) copy.getHeader(ViaHeader.NAME);
        if (top != null && top.getBranch() != null
                && top.getBranch().startsWith(BranchlessAckValve.SYNTHETIC_BRANCH_PREFIX)) {
            top.removeParameter("branch");
        }
        copy.removeHeader("Proxy-Authorization");
        copy.removeHeader("P-Asserted-Identity");
        if (options.assertedUser().isPresent()) {
            copy.addHeader(responder.headers().createHeader("P-Asserted-Identity",
                    "<" + options.assertedUser().get() + ">"));
        }
        return copy;
    }

    private void addRecordRoutes(Request copy, Flow inbound, Flow outbound) throws Exception {
        String token = tokens.encode(inbound);
        if (inbound.transport() != outbound.transport() && addressing.listensOn(inbound.transport())) {
            copy.addFirst(addressing.recordRoute(inbound.transport(), token));
        }
        copy.addFirst(addressing.recordRoute(outbound.transport(), token));
    }

    /** Hash of what identifies a request for loop detection (§16.3 step 4, §16.6 step 8). */
    static String loopHash(Request request) {
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
        long h = FNV_OFFSET;
        h = fnv(h, request.getRequestURI().toString());
        h = fnv(h, from == null ? null : from.getTag());
        h = fnv(h, to == null ? null : to.getTag());
        h = fnv(h, LocalResponder.callId(request));
        if (cseq != null) {
            h = fnv(h, Long.toString(cseq.getSeqNumber()));
            h = fnv(h, cseq.getMethod());
        }
        return Long.toHexString(h);
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;

    /**
     * 64-bit FNV-1a over {@code text} and a separator, continuing from {@code h}: loop detection needs no
     * cryptographic strength (RFC 3261 §16.6 step 8), and no string is built for it.
     */
    private static long fnv(long h, String text) {
        if (text != null) {
            for (int i = 0; i < text.length(); i++) {
                h ^= text.charAt(i);
                h *= 0x100000001b3L;
            }
        }
        h ^= '|';
        return h * 0x100000001b3L;
    }

    private static String fastHash(String text) {
        return Long.toHexString(fnv(FNV_OFFSET, text));
    }

    private static String ackHash(Request ack) {
        ViaHeader top = (ViaHeader) ack.getHeader(ViaHeader.NAME);
        CSeqHeader cseq = (CSeqHeader) ack.getHeader(CSeqHeader.NAME);
        return fastHash(String.valueOf(top) + "|" + LocalResponder.callId(ack) + "|"
                + (cseq == null ? "" : cseq.getSeqNumber()));
    }
}
