package org.pchat.server.compliance;

import java.util.Objects;
import org.jooq.DSLContext;
import org.pchat.server.domain.ComplianceEvent;
import org.pchat.server.store.ComplianceOutboxRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes compliance events into the outbox of the content database, in the transaction of the action they record,
 * so the event commits or rolls back with the action. New actions pass the {@link ComplianceGate} first.
 */
final class OutboxWriter {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWriter.class);

    private final String nodeId;
    private final ComplianceGate gate;

    OutboxWriter(String nodeId, ComplianceGate gate) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    /**
     * Records a new action, refusing it when compliance cannot keep up.
     *
     * @throws ComplianceUnavailableException when the gate refuses; the caller's transaction must roll back
     */
    void admit(DSLContext tx, ComplianceEvent event) {
        gate.check(tx);
        record(tx, event);
    }

    /** Records an event that cannot be refused (a user leaving); it waits in the outbox until relayed. */
    void record(DSLContext tx, ComplianceEvent event) {
        if (!new ComplianceOutboxRepository(tx).enqueue(event)) {
            LOG.debug("{} - compliance event {} was already queued", nodeId, event.idempotencyKey());
        }
    }
}
