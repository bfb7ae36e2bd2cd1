package org.pchat.proxy.core;

import gov.nist.javax.sip.message.SIPRequest;
import java.util.Iterator;
import java.util.ListIterator;
import java.util.Optional;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Checks the JAIN-SIP parser lets through and RFC 4475 wants refused: another SIP version in the request line
 * or the top Via (§3.1.2.16, 505),
 * escaped headers in the Request-URI (§3.1.2.11, 400; a proxy must never forward them) and a REGISTER Contact
 * with escaped headers (§3.1.2.13, 400: the registrar would store a URI carrying a Route).
 */
final class RequestSanity {

    /** Why a request is refused. */
    record Refusal(int status, String reason) {
    }

    private RequestSanity() {
    }

    static Optional<Refusal> check(Request request) {
        if (request instanceof SIPRequest sip && (sip.getRequestLine() != null
                && !"SIP/2.0".equalsIgnoreCase(sip.getRequestLine().getSipVersion())
                || sip.getTopmostVia() != null && !"2.0".equals(sip.getTopmostVia().getProtocolVersion()))) {
            // the stack rewrites an unknown request-line version to SIP/2.0; the Via keeps the sender's
            return Optional.of(new Refusal(Response.VERSION_NOT_SUPPORTED, null));
        }
        if (request.getRequestURI() instanceof SipURI uri && hasHeaders(uri)) {
            return Optional.of(new Refusal(Response.BAD_REQUEST, "Escaped headers in Request-URI"));
        }
        if (Request.REGISTER.equals(request.getMethod())) {
            ListIterator<?> contacts = request.getHeaders(ContactHeader.NAME);
            while (contacts.hasNext()) {
                ContactHeader contact = (ContactHeader) contacts.next();
                if (!contact.isWildCard() && contact.getAddress().getURI() instanceof SipURI uri && hasHeaders(uri)) {
                    return Optional.of(new Refusal(Response.BAD_REQUEST, "Escaped headers in Contact"));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean hasHeaders(SipURI uri) {
        Iterator<?> names = uri.getHeaderNames();
        return names != null && names.hasNext();
    }
}
