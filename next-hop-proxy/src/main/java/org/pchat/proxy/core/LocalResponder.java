package org.pchat.proxy.core;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.SIPServerTransaction;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.header.CallIdHeader;
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
 * Responses the proxy itself generates: statefully through a server transaction, or statelessly (RFC 3261
 * §8.2.7: challenges, so that a client retrying with the same branch, as the Lync client does after a 407,
 * starts a new transaction). The To tag is derived from the Call-ID under a per-process key, so an ACK for a
 * stateless non-2xx can be recognised and absorbed without state.
 */
final class LocalResponder {

    private static final Logger LOG = LoggerFactory.getLogger(LocalResponder.class);
    private static final String HMAC = "HmacSHA256";
    private static final String TAG_PREFIX = "px";

    private final String proxyName;
    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final byte[] tagKey;

    LocalResponder(String proxyName, SipProvider provider, MessageFactory messages, HeaderFactory headers,
                   byte[] tagKey) {
        this.proxyName = proxyName;
        this.provider = provider;
        this.messages = messages;
        this.headers = headers;
        this.tagKey = tagKey.clone();
    }

    HeaderFactory headers() {
        return headers;
    }

    /** The To tag the proxy puts on its own responses to requests of this Call-ID. */
    String localTag(String callId) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(tagKey, HMAC));
            byte[] full = mac.doFinal(callId.getBytes(StandardCharsets.UTF_8));
            return TAG_PREFIX + HexFormat.of().formatHex(full, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + HMAC, e);
        }
    }

    /** Whether {@code toTag} is one the proxy gave a response of this Call-ID. */
    boolean isLocalTag(String callId, String toTag) {
        return toTag != null && toTag.startsWith(TAG_PREFIX) && toTag.equals(localTag(callId));
    }

    /** A response to {@code request}, with our To tag when it had none. */
    Response build(Request request, int status, String reason, List<Header> extra, String contentType,
                   byte[] body) throws Exception {
        Response response = messages.createResponse(status, request);
        if (reason != null) {
            response.setReasonPhrase(reason);
        }
        ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
        if (to.getTag() == null && status > 100) {
            to.setTag(localTag(callId(request)));
        }
        for (Header header : extra) {
            response.addHeader(header);
        }
        if (body != null && contentType != null) {
            String[] type = contentType.split("/", 2);
            ContentTypeHeader typeHeader = headers.createContentTypeHeader(type[0], type[1]);
            response.setContent(body, typeHeader);
        } else {
            response.setContentLength(headers.createContentLengthHeader(0));
        }
        return response;
    }

    /** Sends a response through the server transaction; failures are logged (the client will retransmit). */
    void respond(ServerTransaction transaction, Request request, int status, String reason, List<Header> extra) {
        respond(transaction, request, status, reason, extra, null, null);
    }

    void respond(ServerTransaction transaction, Request request, int status, String reason, List<Header> extra,
                 String contentType, byte[] body) {
        try {
            transaction.sendResponse(build(request, status, reason, extra, contentType, body));
        } catch (Exception e) {
            LOG.warn("{} - {} to {} not sent: call-id={}: {}", proxyName, status, request.getMethod(),
                    callId(request), e.toString());
        }
    }

    /**
     * Sends a response without a transaction (RFC 3261 §8.2.7). The stack first forgets any transaction it holds
     * for the request (the pending one it made while the listener runs, or {@code server}), so that a retry with
     * the same branch, as the Lync client sends after a 407 (xccos.md §11), is a new request and not a
     * retransmission of this one.
     */
    void respondStateless(Request request, ServerTransaction server, int status, String reason,
                          List<Header> extra) {
        SIPTransactionStack stack = (SIPTransactionStack) provider.getSipStack();
        if (request instanceof SIPRequest sipRequest
                && sipRequest.getTransaction() instanceof SIPServerTransaction pending) {
            stack.removePendingTransaction(pending);
        }
        if (server instanceof SIPServerTransaction held) {
            stack.removeTransaction(held);
        }
        respondStateless(request, status, reason, extra);
    }

    /** Sends a response without a transaction (RFC 3261 §8.2.7). */
    void respondStateless(Request request, int status, String reason, List<Header> extra) {
        try {
            provider.sendResponse(build(request, status, reason, extra, null, null));
        } catch (Exception e) {
            LOG.warn("{} - stateless {} to {} not sent: call-id={}: {}", proxyName, status, request.getMethod(),
                    callId(request), e.toString());
        }
    }

    /** Forwards a response statelessly (RFC 3261 §16.11), e.g. a 2xx retransmission after its transaction. */
    void forwardStateless(Response response) {
        try {
            provider.sendResponse(response);
        } catch (Exception e) {
            LOG.debug("{} - stateless {} not forwarded: call-id={}: {}", proxyName, response.getStatusCode(),
                    ((CallIdHeader) response.getHeader(CallIdHeader.NAME)).getCallId(), e.toString());
        }
    }

    static String callId(javax.sip.message.Message message) {
        CallIdHeader header = (CallIdHeader) message.getHeader(CallIdHeader.NAME);
        return header == null ? "?" : header.getCallId();
    }
}
