package org.pchat.server.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchat.server.db.TestDatabases;
import org.pchat.server.store.ComplianceEventRepository;

/** Retention: old events go, but never before every enabled adapter exported them. */
class RetentionPurgerTest {

    @TempDir
    Path dataDir;

    private TestDatabases databases;
    private ComplianceEventRepository events;
    private RetentionPurger purger;

    @BeforeEach
    void seedTenEventsFromMay2024() {
        databases = TestDatabases.h2(dataDir);
        events = new ComplianceEventRepository(databases.databases().compliance());
        ExportedFiles.seed(events, List.of(UUID.randomUUID()), 10);
        SettableClock clock = new SettableClock(Instant.parse("2024-05-01T12:00:00Z").plus(Duration.ofDays(40)));
        purger = new RetentionPurger("node-a", databases.databases().compliance(), clock);
    }

    @AfterEach
    void close() throws Exception {
        databases.close();
    }

    private List<Long> remainingIds() {
        return events.after(0, 100).stream().map(e -> e.id()).toList();
    }

    @Test
    void zeroDaysKeepsEverything() {
        events.saveCheckpoint("xml", 10, Instant.now());

        assertThat(purger.purge(0, List.of("xml"))).isZero();
        assertThat(remainingIds()).hasSize(10);
    }

    @Test
    void eventsOlderThanTheRetentionThatEveryAdapterExportedArePurged() {
        events.saveCheckpoint("xml", 10, Instant.now());
        events.saveCheckpoint("csv", 10, Instant.now());

        assertThat(purger.purge(30, List.of("xml", "csv"))).isEqualTo(10);
        assertThat(remainingIds()).isEmpty();
    }

    @Test
    void eventsAnAdapterHasNotExportedAreKeptHoweverOld() {
        events.saveCheckpoint("xml", 10, Instant.now());
        events.saveCheckpoint("csv", 4, Instant.now());

        assertThat(purger.purge(30, List.of("xml", "csv"))).isEqualTo(4);
        assertThat(remainingIds()).containsExactly(5L, 6L, 7L, 8L, 9L, 10L);
    }

    @Test
    void anAdapterThatNeverExportedKeepsEverything() {
        events.saveCheckpoint("xml", 10, Instant.now());

        assertThat(purger.purge(30, List.of("xml", "jsonl"))).isZero();
    }

    @Test
    void eventsYoungerThanTheRetentionAreKept() {
        events.saveCheckpoint("xml", 10, Instant.now());

        assertThat(purger.purge(60, List.of("xml"))).isZero();
    }
}
