package org.pchat.server.sip;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses new sessions while the node is behind (RFC 3261 §21.5.4: 503 with Retry-After): when it owes its
 * clients more than {@code infoLimit} server INFOs, or when a room lane holds more than {@code laneLimit} waiting
 * tasks (the endpoint gives a quarter of what a lane takes before refusing room work: the sessions taken just
 * before bring their joins after their INVITE).
 *
 * <p>A sign-in storm makes every joiner's joins queue on the room lanes and its notices due to every member of its
 * rooms. A node that kept taking sessions while it could not do that work kept queueing lane tasks, INFOs and their
 * transactions until its heap filled, and refused the joins of the sessions it had taken (docs/benchmarks.md,
 * M20K-2 and M80K-1). Sessions already taken are served as before, and the node takes sessions again as soon as
 * it is back under both limits. Under a storm the node flips between refusing and taking many times a second, so
 * refusals are logged at most once per {@link #LOG_INTERVAL_NANOS}, with the count since the last line.
 */
final class BusyAdmission {

    private static final Logger LOG = LoggerFactory.getLogger(BusyAdmission.class);

    private final String nodeId;
    private final InfoBacklog infos;
    private final long infoLimit;
    private final IntSupplier laneBacklog;
    private final int laneLimit;
    private final int retryAfterSeconds;
    static final long LOG_INTERVAL_NANOS = 10_000_000_000L;

    private final AtomicLong refusedSinceLog = new AtomicLong();
    private final AtomicLong lastLog;
    private final LongSupplier nanoTime;

    /**
     * @param laneBacklog the most tasks waiting on one room lane
     * @param laneLimit   the lane backlog above which sessions are refused
     */
    BusyAdmission(String nodeId, InfoBacklog infos, long infoLimit, IntSupplier laneBacklog, int laneLimit,
                  int retryAfterSeconds) {
        this(nodeId, infos, infoLimit, laneBacklog, laneLimit, retryAfterSeconds, System::nanoTime);
    }

    /** @param nanoTime the clock that spaces log lines (tests) */
    BusyAdmission(String nodeId, InfoBacklog infos, long infoLimit, IntSupplier laneBacklog, int laneLimit,
                  int retryAfterSeconds, LongSupplier nanoTime) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.infos = Objects.requireNonNull(infos, "infos");
        this.infoLimit = infoLimit;
        this.laneBacklog = Objects.requireNonNull(laneBacklog, "laneBacklog");
        this.laneLimit = laneLimit;
        this.retryAfterSeconds = retryAfterSeconds;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.lastLog = new AtomicLong(nanoTime.getAsLong() - LOG_INTERVAL_NANOS);
    }

    /** Empty when a new session is taken now, else the reason phrase of the 503. */
    Optional<String> refusal() {
        long owed = infos.count();
        int waiting = laneBacklog.getAsInt();
        String why = null;
        if (owed > infoLimit) {
            why = owed + " server INFOs owed exceed admissionBacklog " + infoLimit;
        } else if (waiting > laneLimit) {
            why = "a room lane holds " + waiting + " waiting tasks, more than " + laneLimit;
        }
        if (why == null) {
            return Optional.empty();
        }
        long refused = refusedSinceLog.incrementAndGet();
        long now = nanoTime.getAsLong();
        long last = lastLog.get();
        if (now - last >= LOG_INTERVAL_NANOS && lastLog.compareAndSet(last, now)) {
            refusedSinceLog.addAndGet(-refused);
            LOG.warn("{} - refusing new sessions (503, Retry-After {} s): {}; {} INVITE(s) refused since the last "
                    + "such line", nodeId, retryAfterSeconds, why, refused);
        }
        return Optional.of("busy: " + why + " (node " + nodeId + ")");
    }

    int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
