package org.pchat.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.jooq.DSLContext;
import org.pchat.server.db.TestDatabases;

/** The repository contract on a real PostgreSQL server (fresh databases, dropped afterwards). */
class RepositoryPostgresIT extends RepositoryContract {

    @Override
    protected TestDatabases openDatabases() {
        return TestDatabases.postgres("pchat_repository");
    }

    @Override
    protected void refreshStatistics(DSLContext dsl) {
        // autovacuum would do this within a minute of the bulk load
        dsl.execute("ANALYZE messages");
    }

    @Override
    protected void assertSeqIndexRangeScan(String plan) {
        assertThat(plan).containsPattern("Index (Only )?Scan (Backward )?using uq_messages_room_seq")
                .doesNotContain("Sort").doesNotContain("Seq Scan");
    }
}
