package org.pchat.sip;

import gov.nist.javax.sip.DialogTimeoutEvent;
import gov.nist.javax.sip.SipListenerExt;
import java.util.List;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one JAIN-SIP listener of an endpoint: routes each stack event to the component that owns it. */
final class StackEventListener implements SipListenerExt {

    private static final Logger LOG = LoggerFactory.getLogger(StackEventListener.class);

    private final String stackName;
    private final RequestDispatcher requests;
    private final OutgoingRequests outgoing;
    private final DialogRegistry registry;
    private final SipEndpointListener listener;
    private volatile boolean delivering = true;

    StackEventListener(String stackName, RequestDispatcher requests, OutgoingRequests outgoing,
                       DialogRegistry registry, SipEndpointListener listener) {
        this.stackName = stackName;
        this.requests = requests;
        this.outgoing = outgoing;
        this.registry = registry;
        this.listener = listener;
    }

    /** From now on stack events are ignored (the endpoint is closing). */
    void stopDelivering() {
        delivering = false;
    }

    @Override
    public void processRequest(RequestEvent event) {
        if (delivering) {
            requests.onRequest(event);
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        if (delivering) {
            outgoing.onResponse(event.getClientTransaction(), event.getResponse());
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (!delivering) {
            return;
        }
        if (event.isServerTransaction()) {
            LOG.debug("{} - server transaction timed out: {}", stackName,
                    event.getServerTransaction().getRequest().getHeader("Call-ID"));
            return;
        }
        outgoing.onTimeout(event.getClientTransaction());
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        if (!delivering) {
            return;
        }
        String peer = event.getHost() + ":" + event.getPort();
        LOG.warn("{} - transport error: peer={} transport={}", stackName, peer, event.getTransport());
        try {
            listener.onTransportError(peer, event.getTransport());
        } catch (RuntimeException e) {
            LOG.error("{} - onTransportError failed: peer={}: {}", stackName, peer, e.toString(), e);
        }
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // Outcomes are reported from responses, timeouts and send failures; nothing to do here.
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        if (!delivering) {
            return;
        }
        registry.of(event.getDialog()).ifPresent(dialog -> registry.terminate(dialog, TerminationReason.STACK));
    }

    @Override
    public void processDialogTimeout(DialogTimeoutEvent event) {
        if (!delivering) {
            return;
        }
        registry.of(event.getDialog()).ifPresent(dialog -> {
            LOG.info("{} - dialog timeout {}: call-id={} peer={}", stackName, event.getReason(), dialog.callId(),
                    dialog.flow());
            if (event.getReason() == DialogTimeoutEvent.Reason.AckNotReceived && dialog.isConfirmed()) {
                // RFC 3261 §13.3.1.4: no ACK for the 2xx in 64*T1: end the session with BYE.
                outgoing.send(dialog, Request.BYE, List.of(), null, null, TerminationReason.STACK);
            } else {
                registry.terminate(dialog, TerminationReason.STACK);
            }
        });
    }
}
