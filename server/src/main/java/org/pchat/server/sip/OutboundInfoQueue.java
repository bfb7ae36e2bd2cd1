package org.pchat.server.sip;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.pchat.sip.RequestOutcome;
import org.pchat.xccos.model.XccosElement;

/**
 * The server→client INFOs of one session (xccos.md §2.2): a bounded queue drained through a window of
 * {@code maxInFlight} unanswered INFOs, in order. {@link #offer} never blocks: a full queue refuses, and the
 * session is then dropped by its owner. A server INFO answered non-2xx (e.g. SIPE's 487), not answered within
 * 64*T1, or not sendable closes the queue and reports why to {@code onFailure} (once).
 *
 * <p>Notices that wait behind an INFO in flight travel together: a notice offered while the last queued INFO is
 * itself a batch of notices joins it, up to {@code batchLimit} elements, so one envelope carries several
 * {@code <ntc>} siblings (xccos.md §2.1: the server may put several in one envelope). A mass sign-in produces a
 * join notice per joiner for every member of its rooms; sent one INFO each, one round trip at a time, they fell
 * behind and filled the queue. Anything else (replies, room messages) gets an INFO of its own, in order.
 */
final class OutboundInfoQueue {

    static final String CONTENT_TYPE = "text/plain";

    /** Sends one INFO body in the session's dialog. */
    interface Sender {
        CompletableFuture<RequestOutcome> send(byte[] body);
    }

    /** One INFO to be: its elements, and whether more notices may still join it. */
    private static final class Pending {
        final List<XccosElement> elements;
        final boolean notices;

        Pending(List<? extends XccosElement> elements, boolean notices) {
            this.elements = new ArrayList<>(elements);
            this.notices = notices;
        }
    }

    private final Sender sender;
    private final Function<List<XccosElement>, byte[]> encoder;
    private final int capacity;
    private final int maxInFlight;
    private final int batchLimit;
    private final Consumer<String> onFailure;
    private final InfoBacklog backlog;
    private final Deque<Pending> queue = new ArrayDeque<>();
    private int inFlight;
    private boolean closed;

    /**
     * @param encoder    one envelope's body from its elements
     * @param capacity   INFOs waiting at most
     * @param batchLimit notices one INFO carries at most
     * @param backlog    the node's count of INFOs owed: every INFO queued here is in it until answered or dropped
     */
    OutboundInfoQueue(Sender sender, Function<List<XccosElement>, byte[]> encoder, int capacity, int maxInFlight,
                      int batchLimit, InfoBacklog backlog, Consumer<String> onFailure) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.capacity = capacity;
        this.maxInFlight = maxInFlight;
        this.batchLimit = batchLimit;
        this.backlog = Objects.requireNonNull(backlog, "backlog");
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
    }

    /**
     * Queues elements for one envelope, or, for notices, adds them to the last queued batch of notices when it has
     * room.
     *
     * @param notices whether the elements are notices that may share an envelope with other notices
     * @return false when closed or when {@code capacity} INFOs are already waiting
     */
    boolean offer(List<? extends XccosElement> elements, boolean notices) {
        synchronized (this) {
            if (closed) {
                return false;
            }
            Pending last = queue.peekLast();
            if (notices && last != null && last.notices && last.elements.size() + elements.size() <= batchLimit) {
                last.elements.addAll(elements);
            } else if (queue.size() >= capacity) {
                return false;
            } else {
                queue.add(new Pending(elements, notices));
                backlog.added();
            }
        }
        pump();
        return true;
    }

    /** Stops sending; queued INFOs are dropped. */
    synchronized void close() {
        closed = true;
        dropQueued();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** INFOs waiting to be sent. */
    synchronized int queued() {
        return queue.size();
    }

    private void pump() {
        while (true) {
            byte[] next;
            synchronized (this) {
                if (closed || inFlight >= maxInFlight || queue.isEmpty()) {
                    return;
                }
                // encoded and handed to the sender under the lock: with a window above 1, two threads pumping at
                // once must not send in another order than they polled
                next = encoder.apply(List.copyOf(queue.poll().elements));
                inFlight++;
                CompletableFuture<RequestOutcome> sent = sender.send(next);
                // the future may complete on this thread (not sendable); completed() does not re-enter pump
                sent.thenAccept(this::completed);
            }
        }
    }

    private void completed(RequestOutcome outcome) {
        String failure = describeFailure(outcome);
        synchronized (this) {
            inFlight--;
            backlog.removed(1);
            if (failure != null) {
                if (closed) {
                    return;
                }
                closed = true;
                dropQueued();
            }
        }
        if (failure != null) {
            onFailure.accept(failure);
        } else {
            pump();
        }
    }

    private void dropQueued() {
        backlog.removed(queue.size());
        queue.clear();
    }

    /** Null for a success, else why the session must go. */
    static String describeFailure(RequestOutcome outcome) {
        if (outcome instanceof RequestOutcome.Success) {
            return null;
        }
        if (outcome instanceof RequestOutcome.Rejected rejected) {
            return "server INFO answered " + rejected.statusCode() + " " + rejected.response().getReasonPhrase();
        }
        if (outcome instanceof RequestOutcome.TimedOut timedOut) {
            return "server INFO not answered within " + timedOut.timeoutMillis() + " ms";
        }
        return "server INFO not sent: " + ((RequestOutcome.Failed) outcome).reason();
    }
}
