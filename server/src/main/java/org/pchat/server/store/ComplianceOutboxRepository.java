package org.pchat.server.store;

import static org.pchat.db.content.Tables.COMPLIANCE_OUTBOX;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;
import org.pchat.db.content.tables.records.ComplianceOutboxRecord;
import org.pchat.server.domain.ComplianceEvent;
import org.pchat.server.domain.ComplianceEventType;
import org.pchat.server.domain.StoredComplianceEvent;

/**
 * The transactional outbox in the content database: compliance events enqueued in the same
 * transaction as the action they record, for a relay to move to a separate compliance database.
 */
public final class ComplianceOutboxRepository {

    private final DSLContext dsl;

    public ComplianceOutboxRepository(DSLContext contentDsl) {
        this.dsl = Objects.requireNonNull(contentDsl, "contentDsl");
    }

    /** This repository bound to a caller's transaction on the content database. */
    public ComplianceOutboxRepository in(DSLContext tx) {
        return new ComplianceOutboxRepository(tx);
    }

    /** Enqueues an event; false when one with the same idempotency key is already queued. */
    public boolean enqueue(ComplianceEvent event) {
        return dsl.insertInto(COMPLIANCE_OUTBOX)
                .set(COMPLIANCE_OUTBOX.EVENT_TYPE, event.type().name())
                .set(COMPLIANCE_OUTBOX.USER_URI, event.userUri())
                .set(COMPLIANCE_OUTBOX.ROOM_ID, event.roomId())
                .set(COMPLIANCE_OUTBOX.ROOM_URI, event.roomUri())
                .set(COMPLIANCE_OUTBOX.OCCURRED_AT, Times.toDb(event.occurredAt()))
                .set(COMPLIANCE_OUTBOX.CONTENT, event.content())
                .set(COMPLIANCE_OUTBOX.MESSAGE_ID, event.messageId())
                .set(COMPLIANCE_OUTBOX.NODE_ID, event.nodeId())
                .set(COMPLIANCE_OUTBOX.IDEMPOTENCY_KEY, event.idempotencyKey())
                .onConflictDoNothing()
                .execute() == 1;
    }

    /** The oldest queued events, at most {@code limit}. */
    public List<StoredComplianceEvent> pending(int limit) {
        return dsl.selectFrom(COMPLIANCE_OUTBOX).orderBy(COMPLIANCE_OUTBOX.ID).limit(limit)
                .fetch(ComplianceOutboxRepository::toEvent);
    }

    /** Removes relayed events; returns how many were removed. */
    public int delete(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return dsl.deleteFrom(COMPLIANCE_OUTBOX).where(COMPLIANCE_OUTBOX.ID.in(ids)).execute();
    }

    private static StoredComplianceEvent toEvent(ComplianceOutboxRecord r) {
        return new StoredComplianceEvent(r.getId(), new ComplianceEvent(ComplianceEventType.parse(r.getEventType()),
                r.getUserUri(), r.getRoomId(), r.getRoomUri(), Times.fromDb(r.getOccurredAt()), r.getContent(),
                r.getMessageId(), r.getNodeId(), r.getIdempotencyKey()));
    }
}
