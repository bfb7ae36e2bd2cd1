package org.pchat.server.store;

import static org.pchat.db.compliance.Tables.COMPLIANCE_EVENTS;
import static org.pchat.db.compliance.Tables.EXPORT_CHECKPOINTS;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.jooq.DSLContext;
import org.pchat.db.compliance.tables.records.ComplianceEventsRecord;
import org.pchat.server.domain.ComplianceEvent;
import org.pchat.server.domain.ComplianceEventType;
import org.pchat.server.domain.StoredComplianceEvent;

/**
 * The compliance database: recorded events (idempotent by key) and each export adapter's checkpoint.
 * Construct it with the compliance {@link DSLContext}.
 */
public final class ComplianceEventRepository {

    private final DSLContext dsl;

    public ComplianceEventRepository(DSLContext complianceDsl) {
        this.dsl = Objects.requireNonNull(complianceDsl, "complianceDsl");
    }

    /** This repository bound to a caller's transaction on the compliance database. */
    public ComplianceEventRepository in(DSLContext tx) {
        return new ComplianceEventRepository(tx);
    }

    /** Records an event; false when an event with the same idempotency key is already recorded. */
    public boolean record(ComplianceEvent event) {
        return dsl.insertInto(COMPLIANCE_EVENTS)
                .set(COMPLIANCE_EVENTS.EVENT_TYPE, event.type().name())
                .set(COMPLIANCE_EVENTS.USER_URI, event.userUri())
                .set(COMPLIANCE_EVENTS.ROOM_ID, event.roomId())
                .set(COMPLIANCE_EVENTS.ROOM_URI, event.roomUri())
                .set(COMPLIANCE_EVENTS.OCCURRED_AT, Times.toDb(event.occurredAt()))
                .set(COMPLIANCE_EVENTS.CONTENT, event.content())
                .set(COMPLIANCE_EVENTS.MESSAGE_ID, event.messageId())
                .set(COMPLIANCE_EVENTS.NODE_ID, event.nodeId())
                .set(COMPLIANCE_EVENTS.IDEMPOTENCY_KEY, event.idempotencyKey())
                .onConflictDoNothing()
                .execute() == 1;
    }

    /** Events with id above {@code afterId}, in id order, at most {@code limit}. */
    public List<StoredComplianceEvent> after(long afterId, int limit) {
        return dsl.selectFrom(COMPLIANCE_EVENTS).where(COMPLIANCE_EVENTS.ID.gt(afterId))
                .orderBy(COMPLIANCE_EVENTS.ID).limit(limit)
                .fetch(ComplianceEventRepository::toEvent);
    }

    /** The last event id an adapter exported; empty before its first export. */
    public OptionalLong checkpoint(String adapterName) {
        return dsl.select(EXPORT_CHECKPOINTS.LAST_EVENT_ID).from(EXPORT_CHECKPOINTS)
                .where(EXPORT_CHECKPOINTS.ADAPTER_NAME.eq(adapterName))
                .fetchOptional()
                .map(r -> OptionalLong.of(r.value1()))
                .orElseGet(OptionalLong::empty);
    }

    /** Moves an adapter's checkpoint (creating it on first use). */
    public void saveCheckpoint(String adapterName, long lastEventId, Instant now) {
        dsl.insertInto(EXPORT_CHECKPOINTS)
                .set(EXPORT_CHECKPOINTS.ADAPTER_NAME, adapterName)
                .set(EXPORT_CHECKPOINTS.LAST_EVENT_ID, lastEventId)
                .set(EXPORT_CHECKPOINTS.UPDATED_AT, Times.toDb(now))
                .onDuplicateKeyUpdate()
                .set(EXPORT_CHECKPOINTS.LAST_EVENT_ID, lastEventId)
                .set(EXPORT_CHECKPOINTS.UPDATED_AT, Times.toDb(now))
                .execute();
    }

    private static StoredComplianceEvent toEvent(ComplianceEventsRecord r) {
        return new StoredComplianceEvent(r.getId(), new ComplianceEvent(ComplianceEventType.parse(r.getEventType()),
                r.getUserUri(), r.getRoomId(), r.getRoomUri(), Times.fromDb(r.getOccurredAt()), r.getContent(),
                r.getMessageId(), r.getNodeId(), r.getIdempotencyKey()));
    }
}
