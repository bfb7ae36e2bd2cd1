package org.pchat.sip;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sip.ServerTransaction;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.Header;
import javax.sip.message.Request;

/**
 * A request handed to the application with its server transaction. Answer it exactly once with a final
 * response (provisional responses may come first), from any thread.
 *
 * <p>The endpoint completes every response: a To tag when the request had none (RFC 3261 §8.2.6.2), and for
 * a 2xx to INVITE also a Contact and the RFC 4028 Session-Expires; sending that 2xx confirms the
 * {@link #dialog()}. Content-Length is always present. Responding writes to the transport on the calling
 * thread.
 */
public final class IncomingRequest {

    private final Request request;
    private final ServerTransaction transaction;
    private final Flow flow;
    private final DialogHandle dialog;
    private final String responseToTag;
    private final Responder responder;
    private final AtomicBoolean answered = new AtomicBoolean();

    IncomingRequest(Request request, ServerTransaction transaction, Flow flow, DialogHandle dialog,
                    String responseToTag, Responder responder) {
        this.request = Objects.requireNonNull(request, "request");
        this.transaction = Objects.requireNonNull(transaction, "transaction");
        this.flow = Objects.requireNonNull(flow, "flow");
        this.dialog = dialog;
        this.responseToTag = responseToTag;
        this.responder = Objects.requireNonNull(responder, "responder");
    }

    public Request request() {
        return request;
    }

    public String method() {
        return request.getMethod();
    }

    public String callId() {
        return ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
    }

    /** Where the request came from (transport, source address and port). */
    public Flow flow() {
        return flow;
    }

    /**
     * For an INVITE: the dialog it creates (confirmed when the 2xx is sent). For an in-dialog request: its
     * dialog. Empty for requests outside any dialog.
     */
    public Optional<DialogHandle> dialog() {
        return Optional.ofNullable(dialog);
    }

    public Optional<String> contentType() {
        ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        if (type == null) {
            return Optional.empty();
        }
        return Optional.of(type.getContentType() + "/" + type.getContentSubType());
    }

    /** The body, empty if none. */
    public byte[] body() {
        byte[] raw = request.getRawContent();
        return raw == null ? new byte[0] : raw.clone();
    }

    /** The body decoded as UTF-8. */
    public String bodyAsString() {
        return new String(body(), StandardCharsets.UTF_8);
    }

    public ServerTransaction serverTransaction() {
        return transaction;
    }

    /** True once a final response was sent. */
    public boolean isAnswered() {
        return answered.get();
    }

    /** Responds with the status and its standard reason phrase, no body. */
    public void respond(int status) {
        respond(status, null, List.of(), null, null);
    }

    public void respond(int status, String reason) {
        respond(status, reason, List.of(), null, null);
    }

    /**
     * Sends a response.
     *
     * @param reason      null for the standard phrase
     * @param headers     extra headers
     * @param contentType null for no body
     * @param body        null for no body
     * @throws IllegalStateException if a final response was already sent
     * @throws SipEndpointException  if the stack could not send it
     */
    public void respond(int status, String reason, List<Header> headers, String contentType, byte[] body) {
        if (status < 100 || status > 699) {
            throw new IllegalArgumentException("status " + status + " is outside 100..699 (call-id " + callId()
                    + ")");
        }
        boolean isFinal = status >= 200;
        if (isFinal && !answered.compareAndSet(false, true)) {
            throw new IllegalStateException(method() + " already answered (call-id " + callId() + ", peer "
                    + flow + "); cannot send " + status);
        }
        if (!isFinal && answered.get()) {
            throw new IllegalStateException(method() + " already answered (call-id " + callId() + ", peer "
                    + flow + "); cannot send " + status);
        }
        responder.respond(this, status, reason, headers, contentType, body);
    }

    /** Sends {@code status} if no final response went out yet; false if one already had. */
    boolean respondIfUnanswered(int status, String reason) {
        if (!answered.compareAndSet(false, true)) {
            return false;
        }
        responder.respond(this, status, reason, List.of(), null, null);
        return true;
    }

    String responseToTag() {
        return responseToTag;
    }

    @Override
    public String toString() {
        return "IncomingRequest[" + method() + ", call-id=" + callId() + ", peer=" + flow + "]";
    }
}
