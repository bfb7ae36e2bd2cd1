package org.pchat.server.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchat.server.db.TestDatabases;
import org.pchat.server.store.ComplianceEventRepository;

/** Acceptance 2: every event is exported exactly once per adapter, whatever interrupts an export. */
class CheckpointedExporterTest {

    private static final List<UUID> ROOMS = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

    @TempDir
    Path dataDir;

    private TestDatabases databases;
    private ComplianceEventRepository events;
    private Path out;

    @BeforeEach
    void openDatabases() {
        databases = TestDatabases.h2(dataDir.resolve("db"));
        events = new ComplianceEventRepository(databases.databases().compliance());
        out = dataDir.resolve("out");
    }

    @AfterEach
    void close() throws Exception {
        databases.close();
    }

    private CheckpointedExporter exporter() {
        return new CheckpointedExporter("node-a", databases.databases().compliance(), () -> ExportDetails.NONE,
                Clock.systemUTC());
    }

    private ExportAdapter jsonl(int eventsPerFile, boolean perRoom) {
        return new ExportAdapter(ExportFormat.JSONL, out, new ExportOptions(perRoom, false, false, eventsPerFile));
    }

    private List<AdapterRun> run(ExportAdapter adapter, ExportListener listener) {
        return exporter().run(List.of(adapter), listener, () -> { }).orElseThrow();
    }

    private static List<Long> ids(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }

    /** Throws like a crash once {@code files} files have been renamed into place (before their checkpoint). */
    private static ExportListener crashAfterFiles(int files) {
        AtomicInteger written = new AtomicInteger();
        return new ExportListener() {
            @Override
            public void fileWritten(String adapter, Path file) {
                if (written.incrementAndGet() == files) {
                    throw new IllegalStateException("simulated crash after " + files + " files");
                }
            }
        };
    }

    @Test
    void eventsAddedBetweenRunsAreExportedOnceEach() {
        ExportedFiles.seed(events, ROOMS, 25);
        run(jsonl(10, false), ExportListener.NONE);
        ExportedFiles.seed(events, ROOMS, 7);

        List<AdapterRun> second = run(jsonl(10, false), ExportListener.NONE);

        assertThat(second).singleElement().isEqualTo(new AdapterRun.Exported("jsonl", 7, 1, 32));
        assertThat(ExportedFiles.jsonlEventIds(out)).containsExactlyElementsOf(ids(1, 32));
    }

    @Test
    void crashAfterSomeFilesIsFollowedByARunThatExportsTheRestWithoutDuplicatesOrGaps() {
        ExportedFiles.seed(events, ROOMS, 95);

        List<AdapterRun> crashed = run(jsonl(10, false), crashAfterFiles(3));
        List<AdapterRun> next = run(jsonl(10, false), ExportListener.NONE);

        assertThat(crashed).singleElement().isInstanceOf(AdapterRun.Failed.class);
        assertThat(next).singleElement().isEqualTo(new AdapterRun.Exported("jsonl", 75, 7, 95));
        assertThat(ExportedFiles.jsonlEventIds(out)).containsExactlyElementsOf(ids(1, 95));
        assertThat(ExportedFiles.files(out)).hasSize(10);
    }

    @Test
    void crashWhileWritingAFileLeavesNoPartialFileAndTheNextRunWritesIt() {
        ExportedFiles.seed(events, ROOMS, 30);
        AtomicInteger exported = new AtomicInteger();
        ExportListener crashMidFile = new ExportListener() {
            @Override
            public void exported(String adapter) {
                if (exported.incrementAndGet() == 15) {
                    throw new IllegalStateException("simulated crash in the middle of the second file");
                }
            }
        };

        run(jsonl(10, false), crashMidFile);
        List<Path> afterCrash = ExportedFiles.files(out);
        run(jsonl(10, false), ExportListener.NONE);

        assertThat(afterCrash).hasSize(1);
        assertThat(ExportedFiles.jsonlEventIds(out)).containsExactlyElementsOf(ids(1, 30));
    }

    @Test
    void aLostCheckpointIsRecoveredFromTheWrittenFilesWithoutRewritingThem() throws Exception {
        ExportedFiles.seed(events, ROOMS, 20);
        run(jsonl(10, false), ExportListener.NONE);
        Map<Path, String> written = fileIdentities(out);
        events.saveCheckpoint("jsonl", 0, Instant.now());

        List<AdapterRun> rerun = run(jsonl(10, false), ExportListener.NONE);

        assertThat(rerun).singleElement().isEqualTo(new AdapterRun.Exported("jsonl", 20, 0, 20));
        assertThat(fileIdentities(out)).isEqualTo(written);
        assertThat(ExportedFiles.jsonlEventIds(out)).containsExactlyElementsOf(ids(1, 20));
    }

    @Test
    void oneRoomPerFileCrashMidBatchWritesOnlyTheMissingRoomsNext() throws Exception {
        ExportedFiles.seed(events, ROOMS, 12);

        run(jsonl(100, true), crashAfterFiles(1));
        Map<Path, String> first = fileIdentities(out);
        List<AdapterRun> next = run(jsonl(100, true), ExportListener.NONE);

        assertThat(first).hasSize(1);
        assertThat(next).singleElement().isEqualTo(new AdapterRun.Exported("jsonl", 12, 2, 12));
        assertThat(fileIdentities(out)).containsAllEntriesOf(first).hasSize(3);
        assertThat(ExportedFiles.jsonlEventIds(out)).containsExactlyInAnyOrderElementsOf(ids(1, 12));
        assertThat(ExportedFiles.files(out)).allSatisfy(file -> assertThat(
                ExportedFiles.jsonLines(file).stream().map(line -> line.get("roomId").asText()).distinct())
                .hasSize(1));
    }

    @Test
    void eachAdapterKeepsItsOwnCheckpoint() {
        ExportedFiles.seed(events, ROOMS, 5);
        ExportAdapter csv = new ExportAdapter(ExportFormat.CSV, dataDir.resolve("csv"), ExportOptions.defaults());
        run(jsonl(10, false), ExportListener.NONE);

        List<AdapterRun> both = exporter().run(List.of(jsonl(10, false), csv), ExportListener.NONE, () -> { })
                .orElseThrow();

        assertThat(both).containsExactly(new AdapterRun.Exported("jsonl", 0, 0, 5),
                new AdapterRun.Exported("csv", 5, 1, 5));
    }

    @Test
    void aRunFindsNothingToDoWhileAnotherProcessHoldsTheExportLock() throws Exception {
        ExportedFiles.seed(events, ROOMS, 5);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExportListener holding = new ExportListener() {
            @Override
            public void fileWritten(String adapter, Path file) {
                inside.countDown();
                await(release);
            }
        };
        CompletableFuture<Optional<List<AdapterRun>>> first = CompletableFuture.supplyAsync(
                () -> exporter().run(List.of(jsonl(10, false)), holding, () -> { }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).as("first run reached its first file").isTrue();

        Optional<List<AdapterRun>> second = exporter().run(List.of(jsonl(10, false)), ExportListener.NONE, () -> { });
        release.countDown();

        assertThat(second).isEmpty();
        assertThat(first.get(10, TimeUnit.SECONDS)).isPresent();
        assertThat(ExportedFiles.jsonlEventIds(out)).containsExactlyElementsOf(ids(1, 5));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Each file's identity: its inode (where the file system has one) and modification time. */
    private static Map<Path, String> fileIdentities(Path directory) throws Exception {
        Map<Path, String> identities = new HashMap<>();
        for (Path file : ExportedFiles.files(directory)) {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            identities.put(file, attributes.fileKey() + "@" + attributes.lastModifiedTime());
        }
        return identities;
    }
}
