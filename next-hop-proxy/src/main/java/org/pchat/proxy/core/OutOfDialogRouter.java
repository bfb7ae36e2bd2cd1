package org.pchat.proxy.core;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sip.ServerTransaction;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.EventHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.pchat.proxy.pool.PoolNodeAddress;
import org.pchat.proxy.pool.PoolNodes;
import org.pchat.proxy.provisioning.ProvisioningDocument;
import org.pchat.proxy.registrar.Binding;
import org.pchat.proxy.registrar.Registrar;
import org.pchat.sip.Flow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides where a request outside any dialog goes, once its sender is known: REGISTER to the registrar,
 * provisioning SUBSCRIBE answered here, the chat service URIs to a live chat node (least loaded, sticky per
 * user, Record-Routed), users of our domain to their registered contacts (forked), OPTIONS to us answered here;
 * anything else refused (no open relay).
 */
final class OutOfDialogRouter {

    private static final Logger LOG = LoggerFactory.getLogger(OutOfDialogRouter.class);
    private static final Set<String> DIALOG_CREATING = Set.of(Request.INVITE, Request.SUBSCRIBE, Request.REFER);
    static final String ALLOW = "INVITE, ACK, BYE, CANCEL, OPTIONS, MESSAGE, INFO, UPDATE, SUBSCRIBE, NOTIFY, "
            + "REGISTER";
    private static final int NO_NODE_RETRY_AFTER_SECONDS = 10;

    private final String proxyName;
    private final Set<String> chatUris;
    private final Addressing addressing;
    private final Registrar registrar;
    private final PoolNodes nodes;
    private final Forwarder forwarder;
    private final RegisterHandler registers;
    private final ProvisioningHandler provisioning;
    private final LocalResponder responder;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    /**
     * Registered contact URIs, parsed once (a request to a user otherwise parses its contact every time);
     * read-only once cached: targets are cloned before use. Emptied when it outgrows {@link #CONTACT_CACHE}.
     */
    private final Map<String, Optional<SipURI>> contactUris = new ConcurrentHashMap<>();
    private static final int CONTACT_CACHE = 100_000;

    OutOfDialogRouter(String proxyName, List<String> chatUris, Addressing addressing, Registrar registrar,
                      PoolNodes nodes, Forwarder forwarder, RegisterHandler registers,
                      ProvisioningHandler provisioning, LocalResponder responder, HeaderFactory headers,
                      AddressFactory addresses) {
        this.proxyName = proxyName;
        this.chatUris = Set.copyOf(chatUris);
        this.addressing = addressing;
        this.registrar = registrar;
        this.nodes = nodes;
        this.forwarder = forwarder;
        this.registers = registers;
        this.provisioning = provisioning;
        this.responder = responder;
        this.headers = headers;
        this.addresses = addresses;
    }

    /** Whether a request is an OPTIONS to the proxy itself (keep-alive, health): answered without a challenge. */
    boolean isOptionsToUs(Request request) {
        return Request.OPTIONS.equals(request.getMethod())
                && addressing.isDomainOrUsWithoutUser(request.getRequestURI());
    }

    /** Routes or answers; runs on a lane. */
    void route(ServerTransaction server, Request request, Flow inbound, Identity identity) throws Exception {
        String method = request.getMethod();
        URI requestUri = request.getRequestURI();
        String callId = LocalResponder.callId(request);
        if (Request.REGISTER.equals(method)) {
            register(server, request, inbound, identity);
            return;
        }
        if (isOptionsToUs(request)) {
            List<javax.sip.header.Header> capabilities = new java.util.ArrayList<>();
            for (String allowed : ALLOW.split(",\\s*")) {
                capabilities.add(headers.createAllowHeader(allowed));
            }
            capabilities.add(headers.createAcceptHeader("application", "sdp"));
            capabilities.add(headers.createAcceptHeader("text", "plain"));
            responder.respond(server, request, Response.OK, null, capabilities);
            return;
        }
        if (!identity.isTrusted() && !fromMatches(request, identity)) {
            LOG.info("{} - {} refused, From is not the authenticated user {}: call-id={} peer={}", proxyName,
                    method, identity.user().orElse("?"), callId, inbound);
            responder.respond(server, request, Response.FORBIDDEN, "From does not match the authenticated user",
                    List.of());
            return;
        }
        Optional<String> target = Addressing.addressOfRecord(requestUri);
        boolean chat = target.map(chatUris::contains).orElse(false);
        if (Request.SUBSCRIBE.equals(method) && !chat) {
            subscribe(server, request, callId, inbound);
            return;
        }
        if (chat) {
            toChatNode(server, request, inbound, identity);
        } else if (addressing.isLocalUser(requestUri)) {
            toUser(server, request, inbound, identity, target.orElseThrow());
        } else if (addressing.isDomainOrUsWithoutUser(requestUri)) {
            responder.respond(server, request, Response.NOT_FOUND, null, List.of());
        } else if (identity.isTrusted() && requestUri instanceof SipURI sip) {
            forwarder.forward(server, request, List.of(new Target(requestUri, addressing.hopFor(sip),
                    Optional.empty())), new Forwarder.Options(false, inbound, Optional.empty()), f -> Optional.empty());
        } else {
            LOG.info("{} - {} to {} refused: not a domain this proxy serves: call-id={} peer={}", proxyName,
                    method, requestUri, callId, inbound);
            responder.respond(server, request, Response.FORBIDDEN, "Relaying denied", List.of());
        }
    }

    private void register(ServerTransaction server, Request request, Flow inbound, Identity identity) {
        Optional<String> aor = RegisterHandler.addressOfRecord(request);
        if (!addressing.isDomainOrUsWithoutUser(request.getRequestURI()) || aor.isEmpty()
                || !addressing.isLocalUser(uriOf(aor.get()))) {
            responder.respond(server, request, Response.NOT_FOUND, "Domain not served here", List.of());
            return;
        }
        if (!identity.isTrusted() && !identity.user().map(aor.get()::equals).orElse(false)) {
            responder.respond(server, request, Response.FORBIDDEN, "May not register another user", List.of());
            return;
        }
        registers.handle(server, request, inbound, aor.get());
    }

    private void subscribe(ServerTransaction server, Request request, String callId, Flow inbound)
            throws Exception {
        EventHeader event = (EventHeader) request.getHeader(EventHeader.NAME);
        String type = event == null ? "" : event.getEventType().toLowerCase(Locale.ROOT);
        if (ProvisioningDocument.EVENT.equals(type)) {
            provisioning.handle(server, request);
            LOG.info("{} - provisioning answered: call-id={} peer={}", proxyName, callId, inbound);
            return;
        }
        // RFC 6665 §4.2.2.1: an event package we do not serve
        responder.respond(server, request, Response.BAD_EVENT, null,
                List.of(headers.createHeader("Allow-Events", ProvisioningDocument.EVENT)));
    }

    private void toChatNode(ServerTransaction server, Request request, Flow inbound, Identity identity) {
        String user = identity.user().orElseGet(() -> fromUri(request));
        Function<Set<PoolNodeAddress>, Optional<Target>> failover = tried ->
                nodes.choose(user, tried).map(n -> nodeTarget(request, n));
        Optional<PoolNodeAddress> node = nodes.choose(user, Set.of());
        if (node.isEmpty()) {
            LOG.warn("{} - {} for the chat service answered 503, no node up: user={} call-id={}", proxyName,
                    request.getMethod(), user, LocalResponder.callId(request));
            try {
                responder.respond(server, request, Response.SERVICE_UNAVAILABLE, "No chat node available",
                        List.of(headers.createRetryAfterHeader(NO_NODE_RETRY_AFTER_SECONDS)));
            } catch (javax.sip.InvalidArgumentException e) {
                responder.respond(server, request, Response.SERVICE_UNAVAILABLE, null, List.of());
            }
            return;
        }
        forwarder.forward(server, request, List.of(nodeTarget(request, node.get())),
                new Forwarder.Options(DIALOG_CREATING.contains(request.getMethod()), inbound, identity.user()),
                failover);
    }

    private static Target nodeTarget(Request request, PoolNodeAddress node) {
        return new Target(request.getRequestURI(), new Flow(node.transport(), node.host(), node.port()),
                Optional.of(node));
    }

    private void toUser(ServerTransaction server, Request request, Flow inbound, Identity identity, String aor)
            throws Exception {
        List<Binding> bindings = registrar.lookup(aor);
        if (bindings.isEmpty()) {
            responder.respond(server, request, Response.TEMPORARILY_UNAVAILABLE, null, List.of());
            return;
        }
        List<Target> targets = bindings.stream().map(this::bindingTarget).flatMap(Optional::stream).toList();
        if (targets.isEmpty()) {
            responder.respond(server, request, Response.TEMPORARILY_UNAVAILABLE, null, List.of());
            return;
        }
        forwarder.forward(server, request, targets,
                new Forwarder.Options(DIALOG_CREATING.contains(request.getMethod()), inbound, identity.user()),
                tried -> Optional.empty());
    }

    private Optional<Target> bindingTarget(Binding binding) {
        Optional<SipURI> contact = contactUris.get(binding.contactUri());
        if (contact == null) {
            contact = parseContact(binding);
            if (contactUris.size() >= CONTACT_CACHE) {
                contactUris.clear();
            }
            contactUris.put(binding.contactUri(), contact);
        }
        return contact.map(sip -> new Target(sip,
                binding.reachViaFlow() ? binding.flow() : addressing.hopFor(sip), Optional.empty()));
    }

    private Optional<SipURI> parseContact(Binding binding) {
        try {
            return addresses.createURI(binding.contactUri()) instanceof SipURI sip ? Optional.of(sip)
                    : Optional.empty();
        } catch (java.text.ParseException e) {
            LOG.warn("{} - registered contact {} of {} is not a URI: {}", proxyName, binding.contactUri(),
                    binding.aor(), e.getMessage());
            return Optional.empty();
        }
    }

    private boolean fromMatches(Request request, Identity identity) {
        return identity.user().map(u -> u.equals(fromUri(request))).orElse(false);
    }

    private static String fromUri(Request request) {
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        return Addressing.addressOfRecord(from.getAddress().getURI()).orElse("");
    }

    private URI uriOf(String aor) {
        try {
            return addresses.createURI(aor);
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException("address of record " + aor + " is not a URI", e);
        }
    }
}
