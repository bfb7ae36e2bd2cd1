package org.pchat.server.compliance;

import static org.pchat.db.compliance.Tables.COMPLIANCE_EVENTS;
import static org.pchat.db.compliance.Tables.EXPORT_CHECKPOINTS;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.impl.DSL;
import org.pchat.db.compliance.tables.records.ComplianceEventsRecord;
import org.pchat.server.domain.ComplianceEvent;
import org.pchat.server.domain.ComplianceEventType;
import org.pchat.server.domain.StoredComplianceEvent;

/**
 * The reads and purges of the compliance database that exports, status and retention need (the recording side
 * is {@link org.pchat.server.store.ComplianceEventRepository}). Every scan is by primary key or time index.
 */
final class ComplianceArchive {

    /**
     * One adapter's export position.
     *
     * @param adapter     the adapter name
     * @param lastEventId every event with an id up to this one was exported
     * @param updatedAt   when it last moved
     */
    record Checkpoint(String adapter, long lastEventId, Instant updatedAt) {
        Checkpoint {
            Objects.requireNonNull(adapter, "adapter");
            Objects.requireNonNull(updatedAt, "updatedAt");
        }
    }

    private final DSLContext dsl;

    ComplianceArchive(DSLContext complianceDsl) {
        this.dsl = Objects.requireNonNull(complianceDsl, "complianceDsl");
    }

    /** The smallest event id above {@code afterId}. */
    OptionalLong firstIdAfter(long afterId) {
        Record1<Long> found = dsl.select(COMPLIANCE_EVENTS.ID).from(COMPLIANCE_EVENTS)
                .where(COMPLIANCE_EVENTS.ID.gt(afterId)).orderBy(COMPLIANCE_EVENTS.ID).limit(1).fetchOne();
        return found == null ? OptionalLong.empty() : OptionalLong.of(found.value1());
    }

    /** Events with {@code afterId < id <= throughId}, in id order. */
    List<StoredComplianceEvent> range(long afterId, long throughId) {
        return dsl.selectFrom(COMPLIANCE_EVENTS)
                .where(COMPLIANCE_EVENTS.ID.gt(afterId).and(COMPLIANCE_EVENTS.ID.le(throughId)))
                .orderBy(COMPLIANCE_EVENTS.ID)
                .fetch(ComplianceArchive::toEvent);
    }

    /** Events with {@code id > afterId}, in id order, at most {@code limit}. */
    List<StoredComplianceEvent> after(long afterId, int limit) {
        return dsl.selectFrom(COMPLIANCE_EVENTS).where(COMPLIANCE_EVENTS.ID.gt(afterId))
                .orderBy(COMPLIANCE_EVENTS.ID).limit(limit)
                .fetch(ComplianceArchive::toEvent);
    }

    /** Events that happened in {@code [from, to)} with {@code id > afterId}, in id order, at most {@code limit}. */
    List<StoredComplianceEvent> between(Instant from, Instant to, long afterId, int limit) {
        return dsl.selectFrom(COMPLIANCE_EVENTS)
                .where(COMPLIANCE_EVENTS.OCCURRED_AT.ge(toDb(from)).and(COMPLIANCE_EVENTS.OCCURRED_AT.lt(toDb(to)))
                        .and(COMPLIANCE_EVENTS.ID.gt(afterId)))
                .orderBy(COMPLIANCE_EVENTS.ID).limit(limit)
                .fetch(ComplianceArchive::toEvent);
    }

    /** How many events happened in {@code [from, to)}. */
    long countBetween(Instant from, Instant to) {
        return dsl.select(DSL.count()).from(COMPLIANCE_EVENTS)
                .where(COMPLIANCE_EVENTS.OCCURRED_AT.ge(toDb(from)).and(COMPLIANCE_EVENTS.OCCURRED_AT.lt(toDb(to))))
                .fetchOne(0, Long.class);
    }

    /** How many events have an id above {@code afterId}. */
    long countAfter(long afterId) {
        return dsl.select(DSL.count()).from(COMPLIANCE_EVENTS).where(COMPLIANCE_EVENTS.ID.gt(afterId))
                .fetchOne(0, Long.class);
    }

    /** The largest event id; 0 when there are none. */
    long lastId() {
        Long max = dsl.select(DSL.max(COMPLIANCE_EVENTS.ID)).from(COMPLIANCE_EVENTS).fetchOne(0, Long.class);
        return max == null ? 0 : max;
    }

    /** The adapters' export positions, by name; lock rows are left out. */
    List<Checkpoint> checkpoints() {
        return dsl.selectFrom(EXPORT_CHECKPOINTS)
                .where(EXPORT_CHECKPOINTS.ADAPTER_NAME.notLike(ComplianceLocks.PREFIX + "%"))
                .orderBy(EXPORT_CHECKPOINTS.ADAPTER_NAME)
                .fetch(r -> new Checkpoint(r.getAdapterName(), r.getLastEventId(), r.getUpdatedAt().toInstant()));
    }

    /** Deletes events that happened before {@code before} and have an id up to {@code throughId}; returns how many. */
    int purge(Instant before, long throughId) {
        return dsl.deleteFrom(COMPLIANCE_EVENTS)
                .where(COMPLIANCE_EVENTS.OCCURRED_AT.lt(toDb(before)).and(COMPLIANCE_EVENTS.ID.le(throughId)))
                .execute();
    }

    static OffsetDateTime toDb(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private static StoredComplianceEvent toEvent(ComplianceEventsRecord r) {
        return new StoredComplianceEvent(r.getId(), new ComplianceEvent(ComplianceEventType.parse(r.getEventType()),
                r.getUserUri(), r.getRoomId(), r.getRoomUri(), r.getOccurredAt().toInstant(), r.getContent(),
                r.getMessageId(), r.getNodeId(), r.getIdempotencyKey()));
    }
}
