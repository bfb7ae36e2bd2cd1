package org.pchat.proxy.core;

import java.util.ListIterator;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.ViaHeader;
import javax.sip.message.Response;
import org.pchat.proxy.auth.FlowBindings;
import org.pchat.proxy.pool.PoolNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy's JAIN-SIP listener: requests to the {@link RequestHandler}, responses to the forwarding context of
 * their branch (or statelessly upstream when their transaction is gone, §16.11), timeouts as 408 for their
 * branch, I/O errors forget the flow's authentication and count against a node.
 */
public final class ProxyCore implements SipListener {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyCore.class);

    private final String proxyName;
    private final String advertisedHost;
    private volatile RequestHandler requests;
    private volatile LocalResponder responder;
    private volatile FlowBindings flows;
    private volatile PoolNodes nodes;
    private volatile ConnectedFlows connected;

    ProxyCore(String proxyName, String advertisedHost) {
        this.proxyName = proxyName;
        this.advertisedHost = advertisedHost;
    }

    /** Wiring happens after the stack started (the handlers need its provider); events before are refused. */
    void wire(RequestHandler requests, LocalResponder responder, FlowBindings flows, PoolNodes nodes,
              ConnectedFlows connected) {
        this.connected = connected;
        this.responder = responder;
        this.flows = flows;
        this.nodes = nodes;
        this.requests = requests;
    }

    @Override
    public void processRequest(RequestEvent event) {
        RequestHandler handler = requests;
        if (handler == null) {
            return;
        }
        try {
            handler.onRequest(event);
        } catch (RuntimeException e) {
            LOG.error("{} - {} failed: call-id={}: {}", proxyName, event.getRequest().getMethod(),
                    LocalResponder.callId(event.getRequest()), e.toString(), e);
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        Response response = event.getResponse();
        ClientTransaction transaction = event.getClientTransaction();
        try {
            Object data = transaction == null ? null : transaction.getApplicationData();
            if (data instanceof ForwardingContext.Branch branch) {
                PoolNodes pool = nodes;
                if (pool != null && branch.target.node().isPresent()) {
                    pool.heardFrom(branch.target.node().get());
                }
                branch.context.onResponse(branch, response);
            } else if (data instanceof NodePinger.Probe probe) {
                if (response.getStatusCode() >= 200) {
                    probe.answer().complete(true);
                }
            } else if (transaction == null) {
                forwardStray(response);
            }
        } catch (RuntimeException e) {
            LOG.error("{} - {} response failed: call-id={}: {}", proxyName, response.getStatusCode(),
                    LocalResponder.callId(response), e.toString(), e);
        }
    }

    /**
     * A response without a transaction (to a request forwarded statelessly, §16.11, or a 2xx retransmission,
     * §16.7): forwarded by the next Via if our Via is on top.
     */
    private void forwardStray(Response response) {
        ListIterator<?> vias = response.getHeaders(ViaHeader.NAME);
        if (!vias.hasNext()) {
            return;
        }
        ViaHeader top = (ViaHeader) vias.next();
        String branch = top.getBranch();
        if (!advertisedHost.equalsIgnoreCase(top.getHost()) || branch == null
                || !branch.startsWith(Forwarder.BRANCH_PREFIX) || !vias.hasNext()) {
            LOG.debug("{} - stray {} dropped: call-id={}", proxyName, response.getStatusCode(),
                    LocalResponder.callId(response));
            return;
        }
        Response copy = (Response) response.clone();
        copy.removeFirst(ViaHeader.NAME);
        responder.forwardStateless(copy);
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.isServerTransaction()) {
            return;
        }
        ClientTransaction transaction = event.getClientTransaction();
        Object data = transaction == null ? null : transaction.getApplicationData();
        if (data instanceof ForwardingContext.Branch branch) {
            LOG.info("{} - {} to {} timed out: call-id={}", proxyName, branch.context.original.getMethod(),
                    branch.target.hop(), branch.context.callId);
            branch.context.onBranchFailed(branch, Response.REQUEST_TIMEOUT, null);
        } else if (data instanceof NodePinger.Probe probe) {
            probe.answer().complete(false);
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        FlowBindings bindings = flows;
        PoolNodes pool = nodes;
        if (bindings == null || pool == null) {
            return;
        }
        LOG.info("{} - transport error: peer={}:{} transport={}", proxyName, event.getHost(), event.getPort(),
                event.getTransport());
        bindings.unbind(event.getHost(), event.getPort());
        connected.lost(event.getHost(), event.getPort());
        pool.nodeAt(event.getHost(), event.getPort())
                .ifPresent(node -> pool.markFailed(node, 1, "transport error"));
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // outcomes come from responses and timeouts
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // the proxy keeps no dialogs
    }
}
