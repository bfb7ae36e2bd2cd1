package org.pchat.server.compliance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.DSLContext;

/**
 * Decides whether a new action may happen: refused while this node's relay cannot reach the compliance database,
 * or while the outbox holds an event older than the configured bound (whichever node relays), so that nothing
 * keeps happening unrecorded for long. Accepts again once the relay reached the database and caught up.
 */
public final class ComplianceGate {

    private final String nodeId;
    private final Duration maxBacklogAge;
    private final Clock clock;
    private final AtomicReference<String> unreachable = new AtomicReference<>();

    /**
     * @param nodeId        this node, named in refusals
     * @param maxBacklogAge the oldest an unrelayed event may be before actions are refused
     * @param clock         wall clock, compared with the events' times
     */
    public ComplianceGate(String nodeId, Duration maxBacklogAge, Clock clock) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.maxBacklogAge = Objects.requireNonNull(maxBacklogAge, "maxBacklogAge");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The relay could not reach the compliance database; {@code cause} is one line, shown to clients. */
    void unreachable(String cause) {
        unreachable.set(Objects.requireNonNull(cause, "cause"));
    }

    /** The relay reached the compliance database; the backlog bound alone decides from now on. */
    void reachable() {
        unreachable.set(null);
    }

    /** Why the relay last failed, while it fails. */
    Optional<String> unreachableCause() {
        return Optional.ofNullable(unreachable.get());
    }

    /**
     * Checks that an action may be recorded now, in the action's transaction on the content database.
     *
     * @throws ComplianceUnavailableException naming the cause, the limit and the node
     */
    void check(DSLContext contentTx) {
        String cause = unreachable.get();
        if (cause != null) {
            throw refused(cause);
        }
        Optional<Instant> oldest = new OutboxBacklog(contentTx).oldest();
        if (oldest.isPresent()) {
            Duration age = Duration.between(oldest.get(), clock.instant());
            if (age.compareTo(maxBacklogAge) > 0) {
                throw refused("an event has waited " + age.toMillis() + " ms to be relayed, more than "
                        + ComplianceConfig.MAX_BACKLOG_AGE.name() + "=" + maxBacklogAge.toSeconds() + " s");
            }
        }
    }

    private ComplianceUnavailableException refused(String cause) {
        return new ComplianceUnavailableException("compliance database unreachable: " + cause + "; action refused "
                + "(node " + nodeId + ")");
    }
}
