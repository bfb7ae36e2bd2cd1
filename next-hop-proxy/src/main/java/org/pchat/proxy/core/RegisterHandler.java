package org.pchat.proxy.core;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import java.util.OptionalInt;
import javax.sip.ServerTransaction;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.pchat.proxy.auth.FlowBindings;
import org.pchat.proxy.registrar.Binding;
import org.pchat.proxy.registrar.ContactSpec;
import org.pchat.proxy.registrar.RegisterRequest;
import org.pchat.proxy.registrar.RegisterResult;
import org.pchat.proxy.registrar.Registrar;
import org.pchat.sip.Flow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers REGISTER (RFC 3261 §10.3) from the {@link Registrar}. The 200 carries what the Lync client needs
 * (xccos.md §11): a non-zero {@code Expires}, {@code Supported: msrtc-event-categories},
 * {@code Allow-Events: vnd-microsoft-provisioning-v2} and {@code ms-keep-alive}. A TCP/TLS flow that registered
 * is bound to its user, so later requests on it are not challenged.
 */
final class RegisterHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RegisterHandler.class);
    static final String SUPPORTED = "msrtc-event-categories";
    static final String ALLOW_EVENTS = "vnd-microsoft-provisioning-v2";

    private final String proxyName;
    private final Registrar registrar;
    private final FlowBindings flows;
    private final LocalResponder responder;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final int keepAliveSeconds;
    private final Clock clock;

    RegisterHandler(String proxyName, Registrar registrar, FlowBindings flows, LocalResponder responder,
                    HeaderFactory headers, AddressFactory addresses, int keepAliveSeconds, Clock clock) {
        this.proxyName = proxyName;
        this.registrar = registrar;
        this.flows = flows;
        this.responder = responder;
        this.headers = headers;
        this.addresses = addresses;
        this.keepAliveSeconds = keepAliveSeconds;
        this.clock = clock;
    }

    void handle(ServerTransaction server, Request request, Flow flow, String aor) {
        String callId = LocalResponder.callId(request);
        RegisterRequest register;
        try {
            register = parse(request, flow, aor);
        } catch (IllegalArgumentException e) {
            LOG.info("{} - REGISTER refused: {}: user={} call-id={} peer={}", proxyName, e.getMessage(), aor,
                    callId, flow);
            responder.respond(server, request, Response.BAD_REQUEST, e.getMessage(), List.of());
            return;
        }
        RegisterResult result = registrar.register(register);
        try {
            // Java 17 has no pattern switch: this chain covers the sealed RegisterResult
            if (result instanceof RegisterResult.Registered ok) {
                ok(server, request, flow, aor, ok);
            } else if (result instanceof RegisterResult.IntervalTooBrief brief) {
                responder.respond(server, request, Response.INTERVAL_TOO_BRIEF, null,
                        List.of(headers.createMinExpiresHeader(brief.minExpires())));
            } else if (result instanceof RegisterResult.Invalid invalid) {
                responder.respond(server, request, Response.BAD_REQUEST, invalid.reason(), List.of());
            } else if (result instanceof RegisterResult.OutOfOrder order) {
                responder.respond(server, request, Response.SERVER_INTERNAL_ERROR, order.reason(), List.of());
            } else if (result instanceof RegisterResult.Full full) {
                LOG.warn("{} - REGISTER refused, {}: user={} call-id={} peer={}", proxyName, full.reason(), aor,
                        callId, flow);
                responder.respond(server, request, Response.SERVICE_UNAVAILABLE, "Registrar full",
                        List.of(headers.createRetryAfterHeader(60)));
            }
        } catch (Exception e) {
            LOG.error("{} - REGISTER answer failed: user={} call-id={} peer={}: {}", proxyName, aor, callId, flow,
                    e.toString(), e);
            responder.respond(server, request, Response.SERVER_INTERNAL_ERROR, null, List.of());
        }
    }

    private void ok(ServerTransaction server, Request request, Flow flow, String aor,
                    RegisterResult.Registered ok) throws Exception {
        long now = clock.millis();
        List<Header> extra = new ArrayList<>();
        for (Binding binding : ok.bindings()) {
            ContactHeader contact = headers.createContactHeader(addresses.createAddress(binding.contactUri()));
            contact.setExpires(binding.secondsLeft(now));
            extra.add(contact);
        }
        boolean onThisFlow = registrar.hasBindingOn(aor, flow);
        // the expiry granted; for a query (no Contact), what is left of this flow's binding
        int expires = !onThisFlow ? 0 : ok.grantedExpires() > 0 ? ok.grantedExpires()
                : ok.bindings().stream().filter(b -> b.flow().equals(flow)).mapToInt(b -> b.secondsLeft(now)).max()
                        .orElse(1);
        extra.add(headers.createExpiresHeader(expires));
        extra.add(headers.createHeader("Supported", SUPPORTED));
        extra.add(headers.createHeader("Allow-Events", ALLOW_EVENTS));
        if (flow.transport().isConnectionOriented()) {
            extra.add(headers.createHeader("ms-keep-alive", "UAS; tcp=no; hop-hop=yes; end-end=no; timeout="
                    + keepAliveSeconds));
        }
        extra.add(headers.createDateHeader(GregorianCalendar.from(ZonedDateTime.now(ZoneOffset.UTC))));
        if (onThisFlow) {
            flows.bind(flow, aor, expires);
        } else {
            flows.unbind(flow);
        }
        responder.respond(server, request, Response.OK, null, extra);
    }

    private static RegisterRequest parse(Request request, Flow flow, String aor) {
        boolean star = false;
        List<ContactSpec> contacts = new ArrayList<>();
        ListIterator<?> it = request.getHeaders(ContactHeader.NAME);
        while (it.hasNext()) {
            ContactHeader contact = (ContactHeader) it.next();
            if (contact.isWildCard()) {
                star = true;
                continue;
            }
            URI uri = contact.getAddress().getURI();
            int expires = contact.getExpires();
            String instance = contact.getParameter("+sip.instance");
            contacts.add(new ContactSpec(uri.toString(), expires >= 0 ? OptionalInt.of(expires) : OptionalInt.empty(),
                    Optional.ofNullable(instance), reachViaFlow(uri, flow)));
        }
        if (star && !contacts.isEmpty()) {
            throw new IllegalArgumentException("Contact * with other contacts");
        }
        ExpiresHeader expires = (ExpiresHeader) request.getHeader(ExpiresHeader.NAME);
        CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
        return new RegisterRequest(aor, star, contacts,
                expires == null ? OptionalInt.empty() : OptionalInt.of(expires.getExpires()),
                LocalResponder.callId(request), cseq.getSeqNumber(), flow);
    }

    /**
     * A contact registered over TCP/TLS that names the connection's own port (or asks for outbound with
     * {@code ob}) is reached down that connection: the client does not listen (xccos.md §11).
     */
    static boolean reachViaFlow(URI uri, Flow flow) {
        if (!flow.transport().isConnectionOriented() || !(uri instanceof SipURI sip)) {
            return false;
        }
        return sip.getParameter("ob") != null || sip.getPort() == flow.remotePort();
    }

    /** The address of record a REGISTER is for: its To URI. */
    static Optional<String> addressOfRecord(Request request) {
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        return to == null ? Optional.empty() : Addressing.addressOfRecord(to.getAddress().getURI());
    }
}
