package org.pchat.proxy.core;

import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.RouteHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.pchat.proxy.pool.PoolNodeAddress;
import org.pchat.proxy.pool.PoolNodes;
import org.pchat.proxy.registrar.Binding;
import org.pchat.proxy.registrar.Registrar;
import org.pchat.sip.Flow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes requests that follow a route set (RFC 3261 §16.4, §16.12): the Route entries naming this proxy are
 * removed; their flow token tells the client's flow. A request that came from that flow goes on to the next
 * Route or the Request-URI (a chat node, or a client reached down its registration flow); any other goes down
 * the client's flow. A request for a chat node that is out of the pool gets 481, so the client starts a new
 * session on a live node.
 */
final class InDialogRouter {

    private static final Logger LOG = LoggerFactory.getLogger(InDialogRouter.class);

    private final String proxyName;
    private final Addressing addressing;
    private final FlowToken tokens;
    private final Registrar registrar;
    private final PoolNodes nodes;
    private final Forwarder forwarder;
    private final LocalResponder responder;

    InDialogRouter(String proxyName, Addressing addressing, FlowToken tokens, Registrar registrar, PoolNodes nodes,
                   Forwarder forwarder, LocalResponder responder) {
        this.proxyName = proxyName;
        this.addressing = addressing;
        this.tokens = tokens;
        this.registrar = registrar;
        this.nodes = nodes;
        this.forwarder = forwarder;
        this.responder = responder;
    }

    /** The outcome of looking at a request's Route headers. */
    record RouteInfo(boolean routedHere, Optional<Flow> clientFlow) {
    }

    /**
     * Removes the leading Route entries that name this proxy (§16.4) and reads their flow token. Modifies the
     * request.
     */
    RouteInfo popOwnRoutes(Request request) {
        OwnRoutes own = ownRoutes(request);
        own.removeFrom(request);
        return own.info();
    }

    /**
     * A request from the far side of a dialog to a client that record-routed through us (a chat node's INFO, the
     * bulk of the proxy's traffic: one per member for every post) is forwarded statelessly (RFC 3261 §16.11):
     * no server or client transaction, no timers. The client's response comes back without a transaction and
     * goes to the sender by its Via ({@code ProxyCore}); a client that never answers is the sender's own
     * transaction timeout, as it would be through a stateful proxy's 408. Returns false, changing nothing, when
     * the request needs the stateful path: not toward a client's flow, or that flow is not connected (sending
     * would block on a connect), or an earlier request of the dialog still waits on its lane.
     */
    boolean forwardStatelessToClient(Request request, Flow inbound, Identity identity) {
        OwnRoutes own = ownRoutes(request);
        Optional<Flow> client = own.info().clientFlow();
        String callId = LocalResponder.callId(request);
        if (client.isEmpty() || client.get().equals(inbound) || !forwarder.sendsAtOnce(client.get(), callId)) {
            return false;
        }
        own.removeFrom(request);
        nodes.touched(callId);
        forwarder.forwardStateless(request, new Target(request.getRequestURI(), client.get(), Optional.empty()),
                new Forwarder.Options(false, inbound, identity.user()));
        return true;
    }

    /** The leading Route entries naming this proxy, not removed. */
    private OwnRoutes ownRoutes(Request request) {
        boolean routedHere = false;
        Optional<Flow> flow = Optional.empty();
        int count = 0;
        ListIterator<?> routes = request.getHeaders(RouteHeader.NAME);
        while (routes.hasNext()) {
            RouteHeader route = (RouteHeader) routes.next();
            URI uri = route.getAddress().getURI();
            if (!addressing.isUs(uri)) {
                break;
            }
            routedHere = true;
            count++;
            if (flow.isEmpty() && uri instanceof SipURI sip) {
                flow = tokens.decode(sip.getParameter(FlowToken.PARAM));
            }
        }
        return new OwnRoutes(new RouteInfo(routedHere, flow), count);
    }

    private record OwnRoutes(RouteInfo info, int count) {

        /** Removes the leading Route entries that name this proxy (§16.4). */
        void removeFrom(Request request) {
            for (int i = 0; i < count; i++) {
                request.removeFirst(RouteHeader.NAME);
            }
        }
    }

    /** Forwards an in-dialog request; answers 481 when its chat node is gone. Runs on a lane. */
    void route(ServerTransaction server, Request request, Flow inbound, RouteInfo route, Identity identity) {
        String callId = LocalResponder.callId(request);
        if (!sipRoutable(request, inbound, route)) {
            responder.respond(server, request, Response.UNSUPPORTED_URI_SCHEME, null, List.of());
            return;
        }
        Optional<Target> target = target(request, inbound, route);
        if (target.isEmpty()) {
            LOG.info("{} - {} for a chat node out of the pool answered 481: call-id={} peer={}", proxyName,
                    request.getMethod(), callId, inbound);
            responder.respond(server, request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST,
                    "Chat node unavailable", List.of());
            nodes.sessionEnded(callId);
            return;
        }
        if (Request.BYE.equals(request.getMethod())) {
            nodes.sessionEnded(callId);
        } else {
            nodes.touched(callId);
        }
        Function<Set<PoolNodeAddress>, Optional<Target>> noFailover = tried -> Optional.empty();
        forwarder.forward(server, request, List.of(target.get()),
                new Forwarder.Options(false, inbound, identity.user()), noFailover);
    }

    /** Forwards an ACK for a 2xx statelessly; dropped when its chat node is gone. */
    void routeAck(Request ack, Flow inbound) {
        RouteInfo route = popOwnRoutes(ack);
        if (!sipRoutable(ack, inbound, route)) {
            return;
        }
        Optional<Target> target = target(ack, inbound, route);
        if (target.isEmpty()) {
            LOG.debug("{} - ACK for a chat node out of the pool dropped: call-id={}", proxyName,
                    LocalResponder.callId(ack));
            return;
        }
        forwarder.forwardAck(ack, target.get());
    }

    /** Whether the next hop is named by a SIP URI (or the client's flow). */
    private static boolean sipRoutable(Request request, Flow inbound, RouteInfo route) {
        if (route.clientFlow().isPresent() && !route.clientFlow().get().equals(inbound)) {
            return true;
        }
        RouteHeader next = (RouteHeader) request.getHeader(RouteHeader.NAME);
        URI hopUri = next != null ? next.getAddress().getURI() : request.getRequestURI();
        return hopUri instanceof SipURI;
    }

    /** Where the request goes (the next hop is a SIP URI); empty when that is a chat node out of the pool. */
    private Optional<Target> target(Request request, Flow inbound, RouteInfo route) {
        URI requestUri = request.getRequestURI();
        if (route.clientFlow().isPresent() && !route.clientFlow().get().equals(inbound)) {
            // toward the client that record-routed through us: down its own flow
            return Optional.of(new Target(requestUri, route.clientFlow().get(), Optional.empty()));
        }
        RouteHeader next = (RouteHeader) request.getHeader(RouteHeader.NAME);
        URI hopUri = next != null ? next.getAddress().getURI() : requestUri;
        Flow hop = addressing.hopFor((SipURI) hopUri);
        Optional<PoolNodeAddress> node = nodes.nodeAt(hop.remoteAddress(), hop.remotePort());
        if (node.isPresent()) {
            if (!nodes.isUp(node.get())) {
                return Optional.empty();
            }
            hop = new Flow(node.get().transport(), node.get().host(), node.get().port());
        } else if (next == null) {
            Optional<Binding> binding = registrar.findByContact(requestUri.toString());
            if (binding.isPresent() && binding.get().reachViaFlow()) {
                hop = binding.get().flow();
            }
        }
        return Optional.of(new Target(requestUri, hop, node));
    }
}
