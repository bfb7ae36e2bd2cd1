package org.pchat.server.sip;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.Consumer;
import org.pchat.sip.DialogHandle;
import org.pchat.sip.RequestOutcome;

/**
 * The server→client INFOs of one session (xccos.md §2.2): a bounded queue drained through a window of
 * {@code maxInFlight} unanswered INFOs, in order. {@link #offer} never blocks: a full queue refuses, and the
 * session is then dropped by its owner. A server INFO answered non-2xx (e.g. SIPE's 487), not answered within
 * 64*T1, or not sendable closes the queue and reports why to {@code onFailure} (once).
 */
final class OutboundInfoQueue {

    static final String CONTENT_TYPE = "text/plain";

    private final DialogHandle dialog;
    private final int capacity;
    private final int maxInFlight;
    private final Consumer<String> onFailure;
    private final Deque<byte[]> queue = new ArrayDeque<>();
    private int inFlight;
    private boolean closed;

    OutboundInfoQueue(DialogHandle dialog, int capacity, int maxInFlight, Consumer<String> onFailure) {
        this.dialog = Objects.requireNonNull(dialog, "dialog");
        this.capacity = capacity;
        this.maxInFlight = maxInFlight;
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
    }

    /**
     * Queues one INFO body.
     *
     * @return false when closed or when {@code capacity} bodies are already waiting
     */
    boolean offer(byte[] body) {
        synchronized (this) {
            if (closed || queue.size() >= capacity) {
                return false;
            }
            queue.add(body);
        }
        pump();
        return true;
    }

    /** Stops sending; queued bodies are dropped. */
    synchronized void close() {
        closed = true;
        queue.clear();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Bodies waiting to be sent. */
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
                next = queue.poll();
                inFlight++;
            }
            // the future may complete on this thread (not sendable); completed() does not re-enter pump
            dialog.sendInfo(CONTENT_TYPE, next).thenAccept(this::completed);
        }
    }

    private void completed(RequestOutcome outcome) {
        String failure = describeFailure(outcome);
        synchronized (this) {
            inFlight--;
            if (failure != null) {
                if (closed) {
                    return;
                }
                closed = true;
                queue.clear();
            }
        }
        if (failure != null) {
            onFailure.accept(failure);
        } else {
            pump();
        }
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
