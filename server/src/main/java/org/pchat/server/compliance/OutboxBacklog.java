package org.pchat.server.compliance;

import static org.pchat.db.content.Tables.COMPLIANCE_OUTBOX;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** How much the compliance outbox (content database) holds: events recorded but not yet relayed. */
final class OutboxBacklog {

    private final DSLContext dsl;

    OutboxBacklog(DSLContext contentDsl) {
        this.dsl = Objects.requireNonNull(contentDsl, "contentDsl");
    }

    /** When the oldest queued event happened; empty when the outbox is empty. One primary-key lookup. */
    Optional<Instant> oldest() {
        return dsl.select(COMPLIANCE_OUTBOX.OCCURRED_AT).from(COMPLIANCE_OUTBOX)
                .orderBy(COMPLIANCE_OUTBOX.ID).limit(1)
                .fetchOptional(COMPLIANCE_OUTBOX.OCCURRED_AT)
                .map(t -> t.toInstant());
    }

    /** How many events wait. */
    long count() {
        return dsl.select(DSL.count()).from(COMPLIANCE_OUTBOX).fetchOne(0, Long.class);
    }
}
