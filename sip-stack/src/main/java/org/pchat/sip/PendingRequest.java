package org.pchat.sip;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request the endpoint sent and the future handed to the application: completes once; an in-dialog request
 * that did not succeed (other than BYE) is also reported to {@link SipEndpointListener#onRequestFailed}.
 */
final class PendingRequest {

    private static final Logger LOG = LoggerFactory.getLogger(PendingRequest.class);

    private final SipEndpointListener listener;
    private final DialogHandle dialog;
    private final String method;
    private final String callId;
    private final Object peer;
    private final CompletableFuture<RequestOutcome> future = new CompletableFuture<>();
    private final AtomicBoolean done = new AtomicBoolean();

    /**
     * @param dialog null for a request outside any dialog
     * @param peer   where it goes, for the log (written only when logged)
     */
    PendingRequest(SipEndpointListener listener, DialogHandle dialog, String method, String callId, Object peer) {
        this.listener = listener;
        this.dialog = dialog;
        this.method = method;
        this.callId = callId;
        this.peer = peer;
    }

    DialogHandle dialog() {
        return dialog;
    }

    String method() {
        return method;
    }

    String peer() {
        return String.valueOf(peer);
    }

    CompletableFuture<RequestOutcome> future() {
        return future;
    }

    void complete(RequestOutcome outcome) {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        // Java 17: no pattern switch yet; the sealed hierarchy keeps this chain complete.
        if (outcome instanceof RequestOutcome.Success s) {
            LOG.debug("{} answered {}: call-id={} peer={}", method, s.statusCode(), callId, peer);
        } else if (outcome instanceof RequestOutcome.Rejected r) {
            LOG.info("{} rejected {}: call-id={} peer={}", method, r.statusCode(), callId, peer);
        } else if (outcome instanceof RequestOutcome.TimedOut t) {
            LOG.info("{} timed out after {} ms: call-id={} peer={}", method, t.timeoutMillis(), callId, peer);
        } else if (outcome instanceof RequestOutcome.Failed f) {
            LOG.info("{} failed: call-id={} peer={}: {}", method, callId, peer, f.reason());
        }
        if (dialog != null && !outcome.isSuccess() && !Request.BYE.equals(method)) {
            try {
                listener.onRequestFailed(dialog, method, outcome);
            } catch (RuntimeException e) {
                LOG.error("onRequestFailed failed: call-id={} peer={}: {}", callId, peer, e.toString(), e);
            }
        }
        future.complete(outcome);
    }
}
