package org.pchat.sip;

import gov.nist.javax.sip.stack.DefaultRouter;
import gov.nist.javax.sip.stack.HopImpl;
import java.util.ListIterator;
import java.util.concurrent.Callable;
import javax.sip.SipException;
import javax.sip.SipStack;
import javax.sip.address.Hop;
import javax.sip.address.Router;
import javax.sip.message.Request;

/**
 * JAIN-SIP router ({@code javax.sip.ROUTER_PATH}) that routes like {@link DefaultRouter} (RFC 3261 §8.1.2,
 * §12.2.1.1, RFC 3263 without DNS) unless the sending thread pinned the request to a {@link Flow}.
 *
 * <p>Why: a client such as pidgin-sipe opens one TCP/TLS connection and never listens (xccos.md §11). The RI
 * keeps such a connection in its channel cache under the peer's source address and port, and reuses a cached
 * channel when the next hop is exactly that address, port and transport. Pinning the hop to the flow is
 * therefore enough to send a request down the peer's own connection, whatever its Contact says.
 *
 * <p>The RI instantiates this class by reflection with the {@code (SipStack, String)} constructor, so the pin
 * is per-instance thread-local state set around {@code SipProvider.getNewClientTransaction}, the one call that
 * asks the router for the hop of a new client transaction.
 */
public final class FlowRouter implements Router {

    private final DefaultRouter delegate;
    private final ThreadLocal<Hop> pinned = new ThreadLocal<>();

    /** Called by the RI. */
    public FlowRouter(SipStack sipStack, String outboundProxy) {
        this.delegate = new DefaultRouter(sipStack, outboundProxy);
    }

    @Override
    public Hop getNextHop(Request request) throws SipException {
        Hop hop = pinned.get();
        return hop != null ? hop : delegate.getNextHop(request);
    }

    @Override
    public Hop getOutboundProxy() {
        return delegate.getOutboundProxy();
    }

    @Override
    @Deprecated
    @SuppressWarnings("rawtypes")
    public ListIterator getNextHops(Request request) {
        return delegate.getNextHops(request);
    }

    /** Runs {@code action} with every next-hop question on this thread answered by {@code flow}. */
    <T> T withPinnedFlow(Flow flow, Callable<T> action) throws Exception {
        pinned.set(new HopImpl(flow.remoteAddress(), flow.remotePort(), flow.transport().jainSipName()));
        try {
            return action.call();
        } finally {
            pinned.remove();
        }
    }
}
