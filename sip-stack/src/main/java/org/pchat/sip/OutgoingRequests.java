package org.pchat.sip;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.SIPClientTransaction;
import gov.nist.javax.sip.stack.SIPDialog;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.SipProvider;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests (in dialogs, or outside any dialog, optionally down a given flow) and correlates their final
 * responses, timeouts and failures with the futures handed to the application (contract on
 * {@link DialogHandle}).
 */
final class OutgoingRequests implements DialogOperations {

    private static final Logger LOG = LoggerFactory.getLogger(OutgoingRequests.class);
    /** RFC 3261 §17.1.2.2: Timer F = 64*T1. */
    static final int TIMER_F_MULTIPLIER = 64;

    private final SipStackConfig config;
    private final SipProvider provider;
    private final HeaderFactory headers;
    private final FlowRouter router;
    private final DialogRegistry registry;
    private final SipEndpointListener listener;
    private final DirectRequests direct;

    OutgoingRequests(SipStackConfig config, SipProvider provider, HeaderFactory headers, FlowRouter router,
                     DialogRegistry registry, SipEndpointListener listener, DirectRequests direct) {
        this.config = config;
        this.provider = provider;
        this.headers = headers;
        this.router = router;
        this.registry = registry;
        this.listener = listener;
        this.direct = direct;
    }

    @Override
    public CompletableFuture<RequestOutcome> send(DialogHandle dialog, String method, List<Header> extra,
                                                  String contentType, byte[] body,
                                                  TerminationReason terminateAs) {
        PendingRequest pending = new PendingRequest(listener, dialog, method, dialog.callId(), dialog.flow());
        if (dialog.isTerminated() || dialog.isEarly()) {
            pending.complete(new RequestOutcome.Failed(method + " not sent: dialog " + dialog.id() + " is "
                    + (dialog.isEarly() ? "not confirmed yet" : "terminated")));
            return pending.future();
        }
        try {
            dialog.sendQueue().execute(() -> sendNow(pending, extra, contentType, body, terminateAs));
        } catch (RejectedExecutionException e) {
            pending.complete(new RequestOutcome.Failed(method + " not sent: endpoint closed"));
        }
        return pending.future();
    }

    /** Sends a request outside any dialog; with a flow, down that flow (e.g. a client's own connection). */
    CompletableFuture<RequestOutcome> sendOutOfDialog(Request request, Flow flow, Executor executor) {
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        PendingRequest pending = new PendingRequest(listener, null, request.getMethod(), callId,
                flow == null ? request.getRequestURI() : flow);
        try {
            executor.execute(() -> {
                try {
                    ClientTransaction transaction = flow == null ? provider.getNewClientTransaction(request)
                            : router.withPinnedFlow(flow, () -> provider.getNewClientTransaction(request));
                    transaction.setRetransmitTimer(config.t1Millis());
                    transaction.setApplicationData(pending);
                    transaction.sendRequest();
                } catch (Exception e) {
                    pending.complete(new RequestOutcome.Failed(request.getMethod() + " not sent to "
                            + pending.peer() + ": " + e));
                }
            });
        } catch (RejectedExecutionException e) {
            pending.complete(new RequestOutcome.Failed(request.getMethod() + " not sent: endpoint closed"));
        }
        return pending.future();
    }

    @Override
    public void terminate(DialogHandle dialog, TerminationReason reason) {
        registry.terminate(dialog, reason);
    }

    private void sendNow(PendingRequest pending, List<Header> extra, String contentType, byte[] body,
                         TerminationReason terminateAs) {
        DialogHandle handle = pending.dialog();
        String method = pending.method();
        if (handle.isTerminated() && terminateAs == null) {
            pending.complete(new RequestOutcome.Failed(method + " not sent: dialog " + handle.id()
                    + " is terminated"));
            return;
        }
        Dialog dialog = handle.jainSipDialog();
        try {
            synchronized (handle.wireLock()) {
                // only TCP connections are framed by FramingTcpChannel, so only they can carry direct requests
                boolean direct = Request.INFO.equals(method) && extra.isEmpty() && dialog instanceof SIPDialog
                        && handle.flow().transport() == SipTransport.TCP;
                if (direct && sendDirect(pending, (SIPDialog) dialog, contentType, body)) {
                    return;
                }
                Request request = dialog.createRequest(method);
                for (Header header : extra) {
                    request.addHeader(header);
                }
                if (body != null && contentType != null) {
                    request.setContent(body, (ContentTypeHeader) headers.createHeader(ContentTypeHeader.NAME,
                            contentType));
                } else {
                    request.setContentLength(headers.createContentLengthHeader(0));
                }
                ClientTransaction transaction = pinToFlow(handle)
                        ? router.withPinnedFlow(handle.flow(), () -> provider.getNewClientTransaction(request))
                        : provider.getNewClientTransaction(request);
                transaction.setRetransmitTimer(config.t1Millis());
                transaction.setApplicationData(pending);
                String head = direct ? ((SIPRequest) request).encodeMessage(new StringBuilder()).toString() : null;
                dialog.sendRequest(transaction);
                if (direct && ((SIPClientTransaction) transaction).getMessageChannel()
                        instanceof FramingTcpChannel channel) {
                    handle.template(DialogRequestTemplate.capture(head, dialog.getRemoteTarget(), channel));
                }
                LOG.debug("sent {} call-id={} peer={} cseq={}", method, handle.callId(), handle.flow(),
                        request.getHeader("CSeq"));
            }
        } catch (Exception e) {
            LOG.warn("{} not sent: call-id={} peer={}: {}", method, handle.callId(), handle.flow(), e.toString());
            pending.complete(new RequestOutcome.Failed(method + " not sent to " + handle.flow() + ": " + e));
        } finally {
            if (terminateAs != null) {
                registry.terminate(handle, terminateAs);
            }
        }
    }

    /**
     * Writes the request from the dialog's template, with the dialog's next CSeq; false (nothing sent) when the
     * dialog has no usable template, so the RI sends it.
     */
    private boolean sendDirect(PendingRequest pending, SIPDialog dialog, String contentType, byte[] body) {
        DialogHandle handle = pending.dialog();
        DialogRequestTemplate template = handle.template();
        if (template == null) {
            return false;
        }
        if (!template.usableFor(dialog.getRemoteTarget())) {
            handle.template(null);
            return false;
        }
        dialog.incrementLocalSequenceNumber();
        String branch = direct.newBranch();
        byte[] wire = template.encode(pending.method(), branch, dialog.getLocalSeqNumber(), contentType, body);
        direct.sending(branch, pending);
        try {
            template.channel().sendDirect(wire);
        } catch (IOException e) {
            direct.notSent(branch);
            handle.template(null);
            LOG.debug("{} not written to {}, sent through the stack instead: call-id={}: {}", pending.method(),
                    handle.flow(), handle.callId(), e.toString());
            return false;
        }
        LOG.debug("sent {} call-id={} peer={} cseq={} branch={}", pending.method(), handle.callId(), handle.flow(),
                dialog.getLocalSeqNumber(), branch);
        return true;
    }

    /**
     * Pin to the peer's connection when it came over TCP/TLS and no proxy record-routed: a direct client may
     * not listen at its Contact (xccos.md §11). With a route set the next hop is a proxy, which listens.
     */
    private static boolean pinToFlow(DialogHandle handle) {
        if (!handle.flow().transport().isConnectionOriented()) {
            return false;
        }
        Iterator<?> routes = handle.jainSipDialog().getRouteSet();
        return routes == null || !routes.hasNext();
    }

    /** A final response arrived for a client transaction. */
    void onResponse(ClientTransaction transaction, Response response) {
        if (transaction == null && response.getHeader(ViaHeader.NAME) instanceof ViaHeader via
                && direct.owns(via.getBranch())) {
            // the connection did not see the branch (e.g. a folded Via), the stack's parser did
            direct.answer(via.getBranch(), response.getStatusCode(), () -> response);
            return;
        }
        if (transaction == null || !(transaction.getApplicationData() instanceof PendingRequest pending)) {
            LOG.debug("response without pending request: {} call-id={}", response.getStatusCode(),
                    response.getHeader("Call-ID"));
            return;
        }
        int status = response.getStatusCode();
        if (status < 200) {
            return;
        }
        pending.complete(status < 300 ? new RequestOutcome.Success(status) : new RequestOutcome.Rejected(response));
    }

    /** Timer F fired for a client transaction. */
    void onTimeout(ClientTransaction transaction) {
        if (transaction != null && transaction.getApplicationData() instanceof PendingRequest pending) {
            pending.complete(new RequestOutcome.TimedOut(pending.method(),
                    (long) TIMER_F_MULTIPLIER * config.t1Millis()));
        }
    }
}
