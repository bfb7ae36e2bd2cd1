package org.pchat.sip;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javax.sip.Dialog;
import javax.sip.address.Address;
import javax.sip.header.Header;
import javax.sip.message.Request;

/**
 * One SIP dialog created by an INVITE the application accepted. In-dialog requests sent through it carry the
 * dialog's Call-ID, tags, next local CSeq and route set (RFC 3261 §12.2.1.1). When the route set is empty and
 * the peer came over TCP or TLS, they go down the peer's own connection ({@link #flow()}).
 *
 * <p>All send methods may be called from any thread; they never block on network I/O. Requests of one dialog
 * leave in call order. Each returns a future that always completes normally with a {@link RequestOutcome}:
 * {@link RequestOutcome.Success} for a 2xx, {@link RequestOutcome.Rejected} for any other final response
 * (including 487 and 481), {@link RequestOutcome.TimedOut} after 64*T1 without a final response, and
 * {@link RequestOutcome.Failed} when the request could not be sent. Every outcome but success is also
 * reported to {@link SipEndpointListener#onRequestFailed}. Dependent stages run on a stack thread unless
 * attached with an {@code *Async} method.
 */
public final class DialogHandle {

    /** Lifecycle of the handle. */
    enum State { EARLY, CONFIRMED, TERMINATED }

    private final Dialog dialog;
    private final String callId;
    private final String localTag;
    private final Flow flow;
    private final Executor sendQueue;
    private final DialogOperations operations;
    private final AtomicReference<State> state = new AtomicReference<>(State.EARLY);
    /** Held while the 2xx to INVITE is sent and while a request is built and sent in the dialog. */
    private final Object wireLock = new Object();
    private volatile TerminationReason terminationReason;
    /** How its INFOs are written without a client transaction; null until one went out through the RI. */
    private volatile DialogRequestTemplate template;

    DialogHandle(Dialog dialog, String callId, String localTag, Flow flow, Executor sendQueue,
                 DialogOperations operations) {
        this.dialog = Objects.requireNonNull(dialog, "dialog");
        this.callId = Objects.requireNonNull(callId, "callId");
        this.localTag = Objects.requireNonNull(localTag, "localTag");
        this.flow = Objects.requireNonNull(flow, "flow");
        this.sendQueue = Objects.requireNonNull(sendQueue, "sendQueue");
        this.operations = Objects.requireNonNull(operations, "operations");
    }

    /** Stable identity: Call-ID and our tag. */
    public String id() {
        return callId + ";" + localTag;
    }

    public String callId() {
        return callId;
    }

    /** Our tag (To tag of the INVITE's 2xx). */
    public String localTag() {
        return localTag;
    }

    /** The peer's tag (From tag of its INVITE). */
    public String remoteTag() {
        return dialog.getRemoteTag();
    }

    /** Our party (To of the INVITE), e.g. the chat service URI. */
    public Address localParty() {
        return dialog.getLocalParty();
    }

    /** The peer's party (From of the INVITE), e.g. the user. */
    public Address remoteParty() {
        return dialog.getRemoteParty();
    }

    /** Where the dialog-creating request came from. */
    public Flow flow() {
        return flow;
    }

    /** True once the 2xx to the INVITE was sent and until the dialog ends. */
    public boolean isConfirmed() {
        return state.get() == State.CONFIRMED;
    }

    public boolean isTerminated() {
        return state.get() == State.TERMINATED;
    }

    /** Why the dialog ended, once it has. */
    public Optional<TerminationReason> terminationReason() {
        return Optional.ofNullable(terminationReason);
    }

    /** The underlying JAIN-SIP dialog, for what this API does not cover. */
    public Dialog jainSipDialog() {
        return dialog;
    }

    /** INFO (RFC 6086) with a UTF-8 text body, e.g. {@code text/plain} XCCOS. */
    public CompletableFuture<RequestOutcome> sendInfo(String contentType, String body) {
        return sendInfo(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** INFO (RFC 6086) with a body. */
    public CompletableFuture<RequestOutcome> sendInfo(String contentType, byte[] body) {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        return operations.send(this, Request.INFO, List.of(), contentType, body, null);
    }

    /** UPDATE without body (RFC 3311), e.g. a session refresh. */
    public CompletableFuture<RequestOutcome> sendUpdate() {
        return operations.send(this, Request.UPDATE, List.of(), null, null, null);
    }

    /** BYE; the dialog is terminated ({@link TerminationReason#BYE_SENT}) as soon as it is sent. */
    public CompletableFuture<RequestOutcome> sendBye() {
        return operations.send(this, Request.BYE, List.of(), null, null, TerminationReason.BYE_SENT);
    }

    /**
     * Any in-dialog request but ACK, PRACK and CANCEL.
     *
     * @param contentType null for no body
     * @param body        null for no body
     */
    public CompletableFuture<RequestOutcome> sendRequest(String method, List<Header> extraHeaders,
                                                         String contentType, byte[] body) {
        Objects.requireNonNull(method, "method");
        TerminationReason terminateAs = Request.BYE.equals(method) ? TerminationReason.BYE_SENT : null;
        return operations.send(this, method, List.copyOf(extraHeaders), contentType, body, terminateAs);
    }

    /** Forgets the dialog without sending anything (e.g. after a 487 to our INFO, xccos.md §2.2). */
    public void discard() {
        operations.terminate(this, TerminationReason.DISCARDED);
    }

    Object wireLock() {
        return wireLock;
    }

    DialogRequestTemplate template() {
        return template;
    }

    void template(DialogRequestTemplate template) {
        this.template = template;
    }

    Executor sendQueue() {
        return sendQueue;
    }

    boolean confirm() {
        return state.compareAndSet(State.EARLY, State.CONFIRMED);
    }

    /** Marks the handle terminated and returns the state it had; TERMINATED means someone was first. */
    State markTerminated(TerminationReason reason) {
        State previous = state.getAndSet(State.TERMINATED);
        if (previous != State.TERMINATED) {
            terminationReason = reason;
        }
        return previous;
    }

    /** True while the handle is early (the INVITE not answered yet). */
    boolean isEarly() {
        return state.get() == State.EARLY;
    }

    @Override
    public String toString() {
        return "DialogHandle[call-id=" + callId + ", local-tag=" + localTag + ", peer=" + flow
                + ", state=" + state.get() + "]";
    }
}
