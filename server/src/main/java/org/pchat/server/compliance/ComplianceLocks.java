package org.pchat.server.compliance;

import static org.pchat.db.compliance.Tables.EXPORT_CHECKPOINTS;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;

/**
 * Pool-wide mutual exclusion on the compliance database: a lock is a row of {@code export_checkpoints} named
 * {@code lock:<what>}, held with {@code SELECT … FOR UPDATE SKIP LOCKED} until the holder's transaction ends. A
 * process that dies releases it with its connection, so there is no lease to expire. Works on H2 and PostgreSQL.
 */
final class ComplianceLocks {

    /** Prefix of lock rows; adapter names never contain a colon. */
    static final String PREFIX = "lock:";
    /** Held while the outbox relay writes events, which makes event ids visible in id order. */
    static final String RELAY = PREFIX + "relay";
    /** Held while the adapters export and while events are purged. */
    static final String EXPORT = PREFIX + "export";

    private final DSLContext compliance;
    private final Set<String> created = ConcurrentHashMap.newKeySet();

    /** @param compliance jOOQ on the compliance database, used to create lock rows outside any transaction */
    ComplianceLocks(DSLContext compliance) {
        this.compliance = Objects.requireNonNull(compliance, "compliance");
    }

    /**
     * Takes the lock in the caller's transaction on the compliance database, without waiting.
     *
     * @return false when another transaction holds it
     */
    boolean tryLock(DSLContext tx, String name) {
        ensureRow(name);
        return tx.select(EXPORT_CHECKPOINTS.ADAPTER_NAME).from(EXPORT_CHECKPOINTS)
                .where(EXPORT_CHECKPOINTS.ADAPTER_NAME.eq(name))
                .forUpdate().skipLocked()
                .fetchOptional().isPresent();
    }

    /** Creates the lock row once; reading does not wait for a holder, and the insert runs only the first time. */
    private void ensureRow(String name) {
        if (created.contains(name)) {
            return;
        }
        boolean exists = compliance.fetchExists(compliance.selectOne().from(EXPORT_CHECKPOINTS)
                .where(EXPORT_CHECKPOINTS.ADAPTER_NAME.eq(name)));
        if (!exists) {
            compliance.insertInto(EXPORT_CHECKPOINTS)
                    .set(EXPORT_CHECKPOINTS.ADAPTER_NAME, name)
                    .set(EXPORT_CHECKPOINTS.LAST_EVENT_ID, 0L)
                    .set(EXPORT_CHECKPOINTS.UPDATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                    .onConflictDoNothing()
                    .execute();
        }
        created.add(name);
    }
}
