package org.pchat.server.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchat.server.db.TestDatabases;
import org.pchat.server.domain.ComplianceEvent;
import org.pchat.server.domain.ComplianceEventType;
import org.pchat.server.store.ComplianceEventRepository;
import org.pchat.server.store.ComplianceOutboxRepository;

/** What {@code compliance status} reports. */
class ComplianceStatusTest {

    @TempDir
    Path dataDir;

    private TestDatabases databases;

    @BeforeEach
    void open() {
        databases = TestDatabases.h2(dataDir);
    }

    @AfterEach
    void close() throws Exception {
        databases.close();
    }

    private ComplianceStatus status(ComplianceConfig config) {
        return ComplianceStatus.read(config, databases.databases().content(), databases.databases().compliance());
    }

    @Test
    void countsEventsOutboxBacklogAndEachAdaptersPendingEvents() {
        ComplianceEventRepository events = new ComplianceEventRepository(databases.databases().compliance());
        ExportedFiles.seed(events, List.of(UUID.randomUUID()), 8);
        events.saveCheckpoint("xml", 5, Instant.parse("2024-05-02T00:00:00Z"));
        UUID room = UUID.randomUUID();
        Instant queuedAt = Instant.parse("2024-05-03T00:00:00Z");
        new ComplianceOutboxRepository(databases.databases().content()).enqueue(new ComplianceEvent(
                ComplianceEventType.JOIN, "sip:a@example.com", room, "ma-chan://example.com/" + room, queuedAt, null,
                null, "node-a", "join-1"));
        ComplianceConfig config = ComplianceConfig.defaults(dataDir).withEnabled(true)
                .withFormats(Set.of(ExportFormat.XML, ExportFormat.CSV));

        ComplianceStatus status = status(config);

        assertThat(status.enabled()).isTrue();
        assertThat(status.events()).isEqualTo(8);
        assertThat(status.lastEventId()).isEqualTo(8);
        assertThat(status.outboxBacklog()).isOne();
        assertThat(status.oldestQueued()).contains(queuedAt);
        assertThat(status.adapters()).extracting(ComplianceStatus.AdapterStatus::adapter,
                ComplianceStatus.AdapterStatus::checkpoint, ComplianceStatus.AdapterStatus::pending)
                .containsExactly(
                        tuple("xml", OptionalLong.of(5), 3L),
                        tuple("csv", OptionalLong.empty(), 8L));
    }

    @Test
    void lockRowsAreNotListedAsAdapters() {
        new ComplianceLocks(databases.databases().compliance()).tryLock(databases.databases().compliance(),
                ComplianceLocks.EXPORT);

        assertThat(status(ComplianceConfig.defaults(dataDir)).adapters())
                .extracting(ComplianceStatus.AdapterStatus::adapter).containsExactly("xml");
    }

    @Test
    void anAdapterNoLongerConfiguredIsListedWithItsCheckpoint() {
        new ComplianceEventRepository(databases.databases().compliance()).saveCheckpoint("jsonl", 3, Instant.now());

        assertThat(status(ComplianceConfig.defaults(dataDir)).adapters())
                .extracting(ComplianceStatus.AdapterStatus::adapter, ComplianceStatus.AdapterStatus::configured)
                .containsExactly(tuple("xml", true),
                        tuple("jsonl", false));
    }
}
