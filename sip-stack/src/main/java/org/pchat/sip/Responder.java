package org.pchat.sip;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds, completes and sends responses to {@link IncomingRequest}s, and applies what a sent response means
 * for the dialog (2xx to INVITE confirms it and starts its session timer, 2xx to UPDATE refreshes it, a
 * rejected INVITE forgets it).
 */
final class Responder {

    private static final Logger LOG = LoggerFactory.getLogger(Responder.class);

    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final SessionTimer sessionTimer;
    private final DialogRegistry registry;
    private final String advertisedHost;
    private final Map<SipTransport, Integer> boundPorts;

    Responder(MessageFactory messages, HeaderFactory headers, AddressFactory addresses, SessionTimer sessionTimer,
              DialogRegistry registry, String advertisedHost, Map<SipTransport, Integer> boundPorts) {
        this.messages = messages;
        this.headers = headers;
        this.addresses = addresses;
        this.sessionTimer = sessionTimer;
        this.registry = registry;
        this.advertisedHost = advertisedHost;
        this.boundPorts = Map.copyOf(boundPorts);
    }

    void respond(IncomingRequest in, int status, String reason, List<Header> extra, String contentType,
                 byte[] body) {
        Response response;
        try {
            response = messages.createResponse(status, in.request());
            if (reason != null) {
                response.setReasonPhrase(reason);
            }
            for (Header header : extra) {
                response.addHeader(header);
            }
            if (body != null && contentType != null) {
                response.setContent(body, (ContentTypeHeader) headers.createHeader(ContentTypeHeader.NAME,
                        contentType));
            } else {
                response.setContentLength(headers.createContentLengthHeader(0));
            }
        } catch (Exception e) {
            throw new SipEndpointException("cannot build " + status + " to " + in.method() + " (call-id "
                    + in.callId() + ", peer " + in.flow() + "): " + e, e);
        }
        send(in, response);
    }

    void send(IncomingRequest in, Response response) {
        int status = response.getStatusCode();
        String method = in.method();
        boolean inviteOrUpdate = Request.INVITE.equals(method) || Request.UPDATE.equals(method);
        boolean success = status >= 200 && status < 300;
        int interval = 0;
        try {
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (status > 100 && to.getTag() == null && in.responseToTag() != null) {
                to.setTag(in.responseToTag());
            }
            if (inviteOrUpdate && status > 100 && status < 300 && response.getHeader(ContactHeader.NAME) == null) {
                response.setHeader(contact(in.flow().transport()));
            }
            if (inviteOrUpdate && success && in.dialog().isPresent()) {
                interval = sessionTimer.negotiate(in.request());
                sessionTimer.decorate(in.request(), response, interval);
            }
            DialogHandle dialog = in.dialog().orElse(null);
            if (Request.INVITE.equals(method) && success && dialog != null && dialog.isEarly()) {
                // Confirmed before the 2xx leaves, under the wire lock, so that a request the application sends
                // as soon as the peer reacts finds the dialog confirmed and waits for the 2xx to be out.
                synchronized (dialog.wireLock()) {
                    dialog.confirm();
                    in.serverTransaction().sendResponse(response);
                }
                LOG.info("dialog confirmed: call-id={} peer={} session-expires={}s", dialog.callId(),
                        dialog.flow(), interval);
            } else {
                in.serverTransaction().sendResponse(response);
            }
        } catch (Exception e) {
            throw new SipEndpointException("cannot send " + status + " to " + method + " (call-id " + in.callId()
                    + ", peer " + in.flow() + "): " + e, e);
        }
        LOG.debug("answered {} {}: call-id={} peer={}", method, status, in.callId(), in.flow());
        if (in.dialog().isPresent()) {
            afterSent(in.dialog().get(), method, status, interval);
        }
    }

    private void afterSent(DialogHandle dialog, String method, int status, int interval) {
        if (status < 200) {
            return;
        }
        boolean success = status < 300;
        if (Request.INVITE.equals(method) && !success && dialog.isEarly()) {
            registry.terminate(dialog, TerminationReason.DISCARDED);
            return;
        }
        if (success && (Request.INVITE.equals(method) || Request.UPDATE.equals(method)) && !dialog.isTerminated()) {
            sessionTimer.arm(dialog, interval);
        }
    }

    private ContactHeader contact(SipTransport transport) throws Exception {
        SipURI uri = addresses.createSipURI(null, advertisedHost);
        Integer port = boundPorts.get(transport);
        if (port != null) {
            uri.setPort(port);
        }
        uri.setTransportParam(transport.jainSipName().toLowerCase(Locale.ROOT));
        return headers.createContactHeader(addresses.createAddress(uri));
    }
}
