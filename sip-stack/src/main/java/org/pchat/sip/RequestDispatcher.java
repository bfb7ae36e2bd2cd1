package org.pchat.sip;

import gov.nist.javax.sip.RequestEventExt;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.stack.SIPServerTransaction;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executor;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionUnavailableException;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what happens to each incoming request: ACK is absorbed, CANCEL ends the INVITE with 487, requests on
 * unknown dialogs get 481, BYE and UPDATE (session refresh) are answered here, everything else (INVITE, INFO,
 * out-of-dialog requests) goes to the application.
 */
final class RequestDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);
    private static final int TAG_BYTES = 8;

    private final SipProvider provider;
    private final Responder responder;
    private final DialogRegistry registry;
    private final SessionTimer sessionTimer;
    private final DialogOperations operations;
    private final Executor sendPool;
    private final SipRequestHandler handler;
    private final SecureRandom random = new SecureRandom();

    RequestDispatcher(SipProvider provider, Responder responder, DialogRegistry registry, SessionTimer sessionTimer,
                      DialogOperations operations, Executor sendPool, SipRequestHandler handler) {
        this.provider = provider;
        this.responder = responder;
        this.registry = registry;
        this.sessionTimer = sessionTimer;
        this.operations = operations;
        this.sendPool = sendPool;
        this.handler = handler;
    }

    void onRequest(RequestEvent event) {
        Request request = event.getRequest();
        String method = request.getMethod();
        Flow flow = flowOf(event);
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        if (Request.ACK.equals(method)) {
            // 2xx ACKs stop the RI's 2xx retransmission inside the dialog; others belong to a transaction.
            LOG.debug("ACK absorbed: call-id={} peer={} dialog={}", callId, flow, event.getDialog() != null);
            return;
        }
        ServerTransaction transaction = serverTransaction(event, callId, flow);
        if (transaction == null) {
            return;
        }
        String toTag = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag();
        try {
            if (Request.CANCEL.equals(method)) {
                onCancel(request, transaction, flow, callId);
            } else if (toTag != null) {
                onInDialog(event, transaction, flow, callId);
            } else {
                onOutOfDialog(request, transaction, flow, callId);
            }
        } catch (RuntimeException e) {
            LOG.error("{} failed: call-id={} peer={}: {}", method, callId, flow, e.toString(), e);
        }
    }

    private void onOutOfDialog(Request request, ServerTransaction transaction, Flow flow, String callId) {
        if (!Request.INVITE.equals(request.getMethod())) {
            deliver(new IncomingRequest(request, transaction, flow, null, newTag(), responder));
            return;
        }
        String localTag = newTag();
        IncomingRequest probe = new IncomingRequest(request, transaction, flow, null, localTag, responder);
        if (rejectedAsTooSmall(probe)) {
            return;
        }
        Dialog dialog;
        try {
            dialog = provider.getNewDialog(transaction);
        } catch (Exception e) {
            LOG.warn("INVITE: no dialog created: call-id={} peer={}: {}", callId, flow, e.toString());
            probe.respond(Response.SERVER_INTERNAL_ERROR);
            return;
        }
        DialogHandle handle = new DialogHandle(dialog, callId, localTag, flow,
                new SerialExecutor(sendPool, "call-id=" + callId), operations);
        registry.add(handle);
        IncomingRequest in = new IncomingRequest(request, transaction, flow, handle, localTag, responder);
        transaction.setApplicationData(in);
        deliver(in);
    }

    private void onInDialog(RequestEvent event, ServerTransaction transaction, Flow flow, String callId) {
        Request request = event.getRequest();
        String method = request.getMethod();
        Optional<DialogHandle> found = registry.of(event.getDialog());
        if (found.isEmpty()) {
            // RFC 3261 §12.2.2: a request with a To tag that matches no dialog gets 481.
            LOG.info("{} on unknown dialog answered 481: call-id={} peer={}", method, callId, flow);
            new IncomingRequest(request, transaction, flow, null, null, responder)
                    .respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "Call/Transaction Does Not Exist");
            return;
        }
        DialogHandle dialog = found.get();
        IncomingRequest in = new IncomingRequest(request, transaction, flow, dialog, null, responder);
        if (Request.BYE.equals(method)) {
            // Ended before the 200 leaves, so a request the peer sends right after it already gets 481.
            registry.terminate(dialog, TerminationReason.BYE_RECEIVED);
            in.respond(Response.OK);
        } else if (Request.UPDATE.equals(method)) {
            // RFC 4028 §9: a refresh; the 2xx carries Session-Expires and re-arms the timer (Responder).
            if (!rejectedAsTooSmall(in)) {
                in.respond(Response.OK);
            }
        } else {
            if (Request.INVITE.equals(method) && rejectedAsTooSmall(in)) {
                return;
            }
            transaction.setApplicationData(in);
            deliver(in);
        }
    }

    private void onCancel(Request request, ServerTransaction transaction, Flow flow, String callId) {
        IncomingRequest cancel = new IncomingRequest(request, transaction, flow, null, null, responder);
        SIPServerTransaction invite = transaction instanceof SIPServerTransaction st
                ? st.getCanceledInviteTransaction() : null;
        if (invite == null || !(invite.getApplicationData() instanceof IncomingRequest inviteRequest)) {
            // RFC 3261 §9.2: no matching transaction.
            cancel.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "Call/Transaction Does Not Exist");
            return;
        }
        cancel.respond(Response.OK);
        if (inviteRequest.respondIfUnanswered(Response.REQUEST_TERMINATED, null)) {
            LOG.info("INVITE cancelled: call-id={} peer={}", callId, flow);
        }
    }

    /** RFC 4028 §8.1: Session-Expires below our Min-SE gets 422 with Min-SE. */
    private boolean rejectedAsTooSmall(IncomingRequest in) {
        OptionalInt asked = sessionTimer.tooSmall(in.request());
        if (asked.isEmpty()) {
            return false;
        }
        LOG.info("{} Session-Expires {} below Min-SE answered 422: call-id={} peer={}", in.method(),
                asked.getAsInt(), in.callId(), in.flow());
        try {
            in.respond(422, "Session Interval Too Small", List.of(sessionTimer.minSeHeader()), null, null);
        } catch (java.text.ParseException e) {
            throw new SipEndpointException("cannot build Min-SE (call-id " + in.callId() + ")", e);
        }
        return true;
    }

    private void deliver(IncomingRequest in) {
        try {
            handler.onRequest(in);
        } catch (RuntimeException e) {
            LOG.error("request handler failed on {}: call-id={} peer={}: {}", in.method(), in.callId(), in.flow(),
                    e.toString(), e);
            if (!in.isAnswered()) {
                in.respondIfUnanswered(Response.SERVER_INTERNAL_ERROR, null);
            }
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
            LOG.debug("retransmitted {} absorbed: call-id={} peer={}", event.getRequest().getMethod(), callId, flow);
            return null;
        } catch (TransactionUnavailableException e) {
            LOG.warn("{} dropped, no transaction: call-id={} peer={}: {}", event.getRequest().getMethod(), callId,
                    flow, e.getMessage());
            return null;
        }
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

    private String newTag() {
        byte[] bytes = new byte[TAG_BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
