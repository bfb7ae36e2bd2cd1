package org.pchat.server.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchat.server.db.TestDatabases;
import org.pchat.server.store.ComplianceEventRepository;

/** Exports on demand by time range: the right events, no checkpoint moved. */
class RangeExporterTest {

    /** The seeded events happen one second apart from this instant on (ids 1..20). */
    private static final Instant START = Instant.parse("2024-05-01T12:00:00Z");

    @TempDir
    Path dataDir;

    private TestDatabases databases;
    private ComplianceEventRepository events;
    private RangeExporter exporter;

    @BeforeEach
    void seed() {
        databases = TestDatabases.h2(dataDir.resolve("db"));
        events = new ComplianceEventRepository(databases.databases().compliance());
        ExportedFiles.seed(events, List.of(UUID.randomUUID(), UUID.randomUUID()), 20);
        exporter = new RangeExporter("node-a", databases.databases().compliance(), ExportDetails.NONE);
    }

    @AfterEach
    void close() throws Exception {
        databases.close();
    }

    @Test
    void onlyEventsFromTheStartInclusiveToTheEndExclusiveAreWritten() throws Exception {
        Path out = dataDir.resolve("out");

        RangeExporter.Summary summary = exporter.export(START.plusSeconds(5), START.plusSeconds(15), ExportFormat.JSONL,
                new ExportOptions(false, false, false, 4), out, ExportListener.NONE);

        assertThat(summary.events()).isEqualTo(10);
        assertThat(summary.files()).hasSize(3);
        assertThat(ExportedFiles.jsonlEventIds(out)).containsExactlyElementsOf(
                LongStream.rangeClosed(6, 15).boxed().toList());
    }

    @Test
    void theListenerHearsTheTotalAndEachEvent() throws Exception {
        AtomicLong total = new AtomicLong();
        AtomicLong exported = new AtomicLong();

        exporter.export(START, START.plusSeconds(20), ExportFormat.CSV, ExportOptions.defaults(), dataDir.resolve("o"),
                new ExportListener() {
                    @Override
                    public void started(String adapter, long events) {
                        total.set(events);
                    }

                    @Override
                    public void exported(String adapter) {
                        exported.incrementAndGet();
                    }
                });

        assertThat(total).hasValue(20);
        assertThat(exported).hasValue(20);
    }

    @Test
    void anExportOnDemandMovesNoCheckpoint() throws Exception {
        exporter.export(START, START.plusSeconds(20), ExportFormat.XML, ExportOptions.defaults(), dataDir.resolve("o"),
                ExportListener.NONE);

        assertThat(events.checkpoint("xml")).isEmpty();
    }

    @Test
    void anEmptyRangeIsRefused() {
        assertThatThrownBy(() -> exporter.export(START, START, ExportFormat.XML, ExportOptions.defaults(),
                dataDir.resolve("o"), ExportListener.NONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not after its start");
    }
}
