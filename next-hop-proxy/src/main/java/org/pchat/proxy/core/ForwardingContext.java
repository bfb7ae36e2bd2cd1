package org.pchat.proxy.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.sip.ClientTransaction;
import javax.sip.ServerTransaction;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.pchat.proxy.pool.PoolNodeAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The response context of one forwarded request (RFC 3261 §16.7): its server transaction, its branches, the best
 * final response so far. Provisional and 2xx responses go upstream at once; when every branch has a final
 * response, the best (6xx first, else the lowest class; 503 becomes 500) goes upstream. A CANCEL cancels the
 * branches (§16.10). An out-of-dialog request to a chat node that cannot be reached, or that answers 503 (busy,
 * standby), fails over to another node; when every node of the pool answered 503, that 503 goes upstream with its
 * Retry-After: the proxy knows any request it might forward now would get one too (§16.7 step 6).
 */
final class ForwardingContext {

    private static final Logger LOG = LoggerFactory.getLogger(ForwardingContext.class);

    /** One client transaction of this context. */
    static final class Branch {
        final ForwardingContext context;
        final Target target;
        ClientTransaction transaction;
        boolean provisional;
        boolean done;
        boolean cancelPending;

        Branch(ForwardingContext context, Target target) {
            this.context = context;
            this.target = target;
        }
    }

    private final String proxyName;
    final ServerTransaction server;
    final Request original;
    final String callId;
    private final Forwarder forwarder;
    private final LocalResponder responder;
    private final Function<Set<PoolNodeAddress>, Optional<Target>> failover;
    private final List<Branch> branches = new ArrayList<>();
    /** The chat nodes this request was sent to. */
    private final Set<PoolNodeAddress> triedNodes = new HashSet<>();
    /** Every chat node tried answered 503 and none is left: that 503 is passed on as it is. */
    private boolean poolBusy;
    /** The copy every branch starts from; set by the forwarder before the first branch is sent. */
    Request template;
    Forwarder.Options options;
    /** §16.6 step 8: the loop-detection hash of the original request, in every branch id. */
    String loopHash;
    private boolean templateTaken;

    /**
     * The request a branch starts from: the template itself for the only branch, a copy of it for forked
     * branches, null once the template was taken (a failover branch: the forwarder builds a new one).
     */
    synchronized Request takeTemplate() {
        if (templateTaken || template == null) {
            return null;
        }
        if (branches.size() == 1) {
            templateTaken = true;
            return template;
        }
        return (Request) template.clone();
    }

    private Response best;
    private boolean bestIsOwn;
    private boolean finalSent;
    private boolean cancelled;

    /**
     * @param failover for a chat request: given the nodes tried, another node's target (empty: none left)
     */
    ForwardingContext(String proxyName, ServerTransaction server, Request original, String callId,
                      Forwarder forwarder, LocalResponder responder,
                      Function<Set<PoolNodeAddress>, Optional<Target>> failover) {
        this.proxyName = proxyName;
        this.server = server;
        this.original = original;
        this.callId = callId;
        this.forwarder = forwarder;
        this.responder = responder;
        this.failover = failover;
    }

    synchronized Branch newBranch(Target target) {
        Branch branch = new Branch(this, target);
        branches.add(branch);
        target.node().ifPresent(triedNodes::add);
        return branch;
    }

    boolean isInvite() {
        return Request.INVITE.equals(original.getMethod());
    }

    /** A response arrived on a branch (stack thread). */
    void onResponse(Branch branch, Response response) {
        int status = response.getStatusCode();
        List<Branch> toCancel = List.of();
        Response upstream = null;
        boolean stateless = false;
        boolean own = false;
        Branch busyFailover = null;
        synchronized (this) {
            if (branch.done && status >= 200) {
                // a retransmitted final response: only 2xx to INVITE goes on (§16.7 step 5)
                stateless = status < 300 && isInvite();
                upstream = stateless ? response : null;
            } else if (status == 100) {
                return;
            } else if (status < 200) {
                branch.provisional = true;
                if (branch.cancelPending) {
                    toCancel = List.of(branch);
                }
                upstream = finalSent ? null : response;
            } else {
                branch.done = true;
                if (status < 300) {
                    stateless = finalSent;
                    finalSent = true;
                    upstream = response;
                    if (isInvite()) {
                        toCancel = pendingBranches();
                    }
                } else {
                    if (status == Response.SERVICE_UNAVAILABLE && mayFailOver(branch)) {
                        // a busy or standby node: another node may take the session (RFC 3261 §21.5.4)
                        busyFailover = failover.apply(triedNodes()).map(this::newBranch).orElse(null);
                        poolBusy = busyFailover == null;
                    }
                    if (busyFailover == null && (best == null || better(response, best))) {
                        best = response;
                        bestIsOwn = false;
                    }
                    if (busyFailover == null && !finalSent && allDone()) {
                        finalSent = true;
                        upstream = best;
                        own = bestIsOwn;
                    }
                }
            }
        }
        if (busyFailover != null) {
            LOG.info("{} - {} answered 503 by node {} ({}), tried on {}: call-id={}", proxyName,
                    original.getMethod(), branch.target.node().orElse(null), response.getReasonPhrase(),
                    busyFailover.target.node().orElse(null), callId);
            forwarder.sendBranch(busyFailover);
            return;
        }
        if (status >= 200 && status < 300 && branch.target.node().isPresent() && isInvite()) {
            forwarder.chatSessionStarted(callId, branch.target.node().get());
        }
        if (upstream != null) {
            if (own) {
                sendOwn(upstream);
            } else {
                sendUpstream(upstream, stateless);
            }
            releaseIfFinal(status);
        }
        toCancel.forEach(forwarder::cancel);
    }

    /**
     * After the final response the server transaction lingers (RFC 3261 Timer J: 32 s over UDP) and needs this
     * context no more (a CANCEL after the final response matches nothing): drop the reference so the requests it
     * holds can be collected.
     */
    private void releaseIfFinal(int status) {
        if (status >= 200) {
            server.setApplicationData(null);
            synchronized (this) {
                template = null;
            }
        }
    }

    /** A branch could not be sent to, or timed out: a synthetic final response for it (§16.7 step 2, 16.8). */
    void onBranchFailed(Branch branch, int status, String reason) {
        Optional<PoolNodeAddress> node = branch.target.node();
        boolean retry;
        synchronized (this) {
            if (branch.done) {
                return;
            }
            branch.done = true;
            retry = mayFailOver(branch);
        }
        node.ifPresent(n -> forwarder.nodeFailed(n, reason));
        if (retry) {
            Optional<Target> next = failover.apply(triedNodes());
            if (next.isPresent()) {
                LOG.info("{} - {} fails over from node {} to {}: call-id={}", proxyName, original.getMethod(),
                        node.get(), next.get().node().orElse(null), callId);
                forwarder.sendBranch(newBranch(next.get()));
                return;
            }
        }
        Response synthetic;
        try {
            synthetic = responder.build(original, status, reason, List.of(), null, null);
        } catch (Exception e) {
            LOG.warn("{} - cannot build {}: call-id={}: {}", proxyName, status, callId, e.toString());
            return;
        }
        Response upstream = null;
        boolean own = false;
        synchronized (this) {
            if (best == null || better(synthetic, best)) {
                best = synthetic;
                bestIsOwn = true;
            }
            if (!finalSent && allDone()) {
                finalSent = true;
                upstream = best;
                own = bestIsOwn;
            }
        }
        if (upstream != null) {
            if (own) {
                sendOwn(upstream);
            } else {
                sendUpstream(upstream, false);
            }
            releaseIfFinal(upstream.getStatusCode());
        }
    }

    /** The upstream CANCEL: cancel every branch without a final response (§16.10). */
    void cancel() {
        List<Branch> now;
        synchronized (this) {
            cancelled = true;
            now = new ArrayList<>();
            for (Branch branch : branches) {
                if (!branch.done) {
                    if (branch.provisional) {
                        now.add(branch);
                    } else {
                        branch.cancelPending = true;
                    }
                }
            }
        }
        now.forEach(forwarder::cancel);
    }

    /** Whether a chat node's branch that failed or was refused may be tried on another node (caller holds the lock). */
    private boolean mayFailOver(Branch branch) {
        return branch.target.node().isPresent() && !finalSent && !cancelled && !branch.provisional && !inDialog();
    }

    private synchronized Set<PoolNodeAddress> triedNodes() {
        return Set.copyOf(triedNodes);
    }

    private boolean inDialog() {
        javax.sip.header.ToHeader to = (javax.sip.header.ToHeader) original.getHeader(javax.sip.header.ToHeader.NAME);
        return to != null && to.getTag() != null;
    }

    private List<Branch> pendingBranches() {
        return branches.stream().filter(b -> !b.done).toList();
    }

    private boolean allDone() {
        return branches.stream().allMatch(b -> b.done);
    }

    /** §16.7 step 6: 6xx first, then the lowest class. */
    private static boolean better(Response candidate, Response current) {
        int c = candidate.getStatusCode() / 100;
        int b = current.getStatusCode() / 100;
        if (b == 6) {
            return false;
        }
        if (c == 6) {
            return true;
        }
        return c < b;
    }

    private void sendUpstream(Response response, boolean stateless) {
        // forwarded as received, our Via removed: the stack is done with it (its client transaction matches
        // retransmissions by branch, not by this object), so no copy is made
        Response copy = response;
        copy.removeFirst(ViaHeader.NAME);
        boolean passOn503;
        synchronized (this) {
            passOn503 = poolBusy;
        }
        if (copy.getStatusCode() == Response.SERVICE_UNAVAILABLE && !stateless && !passOn503) {
            // §16.7 step 6: a 503 from downstream is not passed on as 503, unless every node answered it
            setStatus(copy, Response.SERVER_INTERNAL_ERROR, "Next hop unavailable");
        }
        if (stateless) {
            responder.forwardStateless(copy);
            return;
        }
        try {
            server.sendResponse(copy);
        } catch (Exception e) {
            // e.g. the INVITE server transaction already ended with an earlier 2xx
            responder.forwardStateless(copy);
        }
    }

    private void sendOwn(Response response) {
        try {
            server.sendResponse(response);
        } catch (Exception e) {
            LOG.warn("{} - {} not sent upstream: call-id={}: {}", proxyName, response.getStatusCode(), callId,
                    e.toString());
        }
    }

    private static void setStatus(Response response, int status, String reason) {
        try {
            response.setStatusCode(status);
            response.setReasonPhrase(reason);
        } catch (java.text.ParseException e) {
            LOG.debug("status {} '{}' refused, response kept: {}", status, reason, e.toString());
        }
    }
}
