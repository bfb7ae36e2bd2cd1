package org.pchat.server.compliance;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.pchat.server.domain.StoredComplianceEvent;
import org.pchat.server.store.ComplianceEventRepository;
import org.pchat.server.store.ComplianceOutboxRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves compliance events from the outbox (content database) to the compliance database. Each batch is one
 * compliance transaction that first takes the pool-wide relay lock, then inserts the events unless their
 * idempotency key is already there, and commits; only then are they deleted from the outbox. A crash between
 * the two leaves events that the next pass inserts as no-ops and deletes, so nothing is lost or doubled.
 *
 * <p>Only the lock holder inserts events, one transaction at a time, so event ids become visible in id order:
 * an exporter that has seen id N will never later see a smaller id appear, which is what its checkpoint
 * ("every event with id &lt;= N is exported") relies on.
 *
 * <p>Every pass tells the {@link ComplianceGate} whether the compliance database answered.
 */
public final class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int MAX_CAUSE_LENGTH = 200;

    private final String nodeId;
    private final ComplianceOutboxRepository outbox;
    private final DSLContext compliance;
    private final ComplianceLocks locks;
    private final ComplianceGate gate;
    private final int batchSize;
    private final Runnable reconnect;

    /**
     * @param nodeId     this node, in logs
     * @param content    jOOQ on the content database (the outbox)
     * @param compliance jOOQ on the compliance database
     * @param gate       told whether the compliance database answered
     * @param batchSize  events per compliance transaction
     * @param reconnect  run after the compliance database failed, so the next pass uses fresh connections
     */
    public OutboxRelay(String nodeId, DSLContext content, DSLContext compliance, ComplianceGate gate, int batchSize,
                       Runnable reconnect) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.outbox = new ComplianceOutboxRepository(Objects.requireNonNull(content, "content"));
        this.compliance = Objects.requireNonNull(compliance, "compliance");
        this.locks = new ComplianceLocks(compliance);
        this.gate = Objects.requireNonNull(gate, "gate");
        if (batchSize < 1) {
            throw new IllegalArgumentException("relay batch size " + batchSize + " is below 1 (node " + nodeId + ")");
        }
        this.batchSize = batchSize;
        this.reconnect = Objects.requireNonNull(reconnect, "reconnect");
    }

    /** Drains the outbox, batch after batch, while this node holds the relay lock. Never throws. */
    public RelayOutcome pass() {
        int moved = 0;
        try {
            while (true) {
                Optional<List<Long>> batch = compliance.transactionResult(c -> moveBatch(c.dsl()));
                reached();
                if (batch.isEmpty()) {
                    return moved == 0 ? new RelayOutcome.OtherNodeRelays() : new RelayOutcome.Relayed(moved);
                }
                List<Long> ids = batch.get();
                deleteRelayed(ids);
                moved += ids.size();
                if (ids.size() < batchSize) {
                    if (moved > 0) {
                        LOG.debug("{} - relayed {} compliance events", nodeId, moved);
                    }
                    return new RelayOutcome.Relayed(moved);
                }
            }
        } catch (OutboxFailure e) {
            String cause = summary(e.getCause());
            LOG.warn("{} - compliance relay cannot use the outbox in the content database: {}", nodeId, cause,
                    e.getCause());
            return new RelayOutcome.OutboxUnreadable(cause);
        } catch (RuntimeException e) {
            String cause = summary(e);
            if (gate.unreachableCause().isEmpty()) {
                LOG.warn("{} - compliance relay cannot reach the compliance database, refusing new actions: {}",
                        nodeId, cause, e);
            } else {
                LOG.debug("{} - compliance database still unreachable: {}", nodeId, cause);
            }
            gate.unreachable(cause);
            discardConnections();
            return new RelayOutcome.Unreachable(cause);
        }
    }

    /** In a compliance transaction: the lock, then the next batch inserted; empty when another node relays. */
    private Optional<List<Long>> moveBatch(DSLContext tx) {
        if (!locks.tryLock(tx, ComplianceLocks.RELAY)) {
            return Optional.empty();
        }
        List<StoredComplianceEvent> pending = pendingEvents();
        ComplianceEventRepository events = new ComplianceEventRepository(tx);
        for (StoredComplianceEvent queued : pending) {
            if (!events.record(queued.event())) {
                LOG.debug("{} - compliance event {} was already relayed", nodeId, queued.event().idempotencyKey());
            }
        }
        return Optional.of(pending.stream().map(StoredComplianceEvent::id).toList());
    }

    private List<StoredComplianceEvent> pendingEvents() {
        try {
            return outbox.pending(batchSize);
        } catch (RuntimeException e) {
            throw new OutboxFailure(e);
        }
    }

    private void deleteRelayed(List<Long> ids) {
        try {
            outbox.delete(ids);
        } catch (RuntimeException e) {
            throw new OutboxFailure(e);
        }
    }

    private void discardConnections() {
        try {
            reconnect.run();
        } catch (RuntimeException e) {
            LOG.warn("{} - cannot discard the compliance database connections: {}", nodeId, e.toString(), e);
        }
    }

    private void reached() {
        if (gate.unreachableCause().isPresent()) {
            LOG.info("{} - compliance database reachable again; accepting actions once the outbox is relayed",
                    nodeId);
        }
        gate.reachable();
    }

    /** The innermost cause in one line, short enough for a client error. */
    static String summary(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        String line = (root.getClass().getSimpleName() + message).replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_CAUSE_LENGTH ? line : line.substring(0, MAX_CAUSE_LENGTH) + "…";
    }

    /** The content database failed; carried out of the compliance transaction to tell the two apart. */
    private static final class OutboxFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutboxFailure(RuntimeException cause) {
            super(cause);
        }
    }
}
