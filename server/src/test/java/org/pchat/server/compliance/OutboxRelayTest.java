package org.pchat.server.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchat.server.db.TestDatabases;
import org.pchat.server.domain.ComplianceEvent;
import org.pchat.server.domain.ComplianceEventType;
import org.pchat.server.domain.StoredComplianceEvent;
import org.pchat.server.store.ComplianceEventRepository;
import org.pchat.server.store.ComplianceOutboxRepository;

/** The outbox relay: every queued event reaches the compliance database once, one relay at a time. */
class OutboxRelayTest {

    private static final UUID ROOM = UUID.randomUUID();

    @TempDir
    Path dataDir;

    private TestDatabases databases;
    private DSLContext content;
    private DSLContext compliance;
    private ComplianceGate gate;

    @BeforeEach
    void open() {
        databases = TestDatabases.h2(dataDir);
        content = databases.databases().content();
        compliance = databases.databases().compliance();
        gate = new ComplianceGate("node-a", Duration.ofSeconds(5), Clock.systemUTC());
    }

    @AfterEach
    void close() throws Exception {
        databases.close();
    }

    private OutboxRelay relay(int batchSize) {
        return new OutboxRelay("node-a", content, compliance, gate, batchSize, () -> { });
    }

    private static ComplianceEvent event(String key) {
        return new ComplianceEvent(ComplianceEventType.JOIN, "sip:alice@example.com", ROOM,
                "ma-chan://example.com/" + ROOM, Instant.now(), null, null, "node-a", key);
    }

    private void enqueue(int count) {
        ComplianceOutboxRepository outbox = new ComplianceOutboxRepository(content);
        for (int i = 0; i < count; i++) {
            outbox.enqueue(event("join-" + UUID.randomUUID()));
        }
    }

    private List<StoredComplianceEvent> stored() {
        return new ComplianceEventRepository(compliance).after(0, 100_000);
    }

    private List<StoredComplianceEvent> queued() {
        return new ComplianceOutboxRepository(content).pending(100_000);
    }

    @Test
    void aPassMovesEveryQueuedEventInBatchesAndEmptiesTheOutbox() {
        enqueue(25);
        List<String> keys = queued().stream().map(e -> e.event().idempotencyKey()).toList();

        RelayOutcome outcome = relay(10).pass();

        assertThat(outcome).isEqualTo(new RelayOutcome.Relayed(25));
        assertThat(stored()).extracting(e -> e.event().idempotencyKey()).containsExactlyElementsOf(keys);
        assertThat(queued()).isEmpty();
    }

    @Test
    void anEventAlreadyRelayedBeforeACrashIsStoredOnceAndLeavesTheOutbox() {
        ComplianceEvent event = event("join-crashed");
        new ComplianceEventRepository(compliance).record(event);
        new ComplianceOutboxRepository(content).enqueue(event);

        relay(10).pass();

        assertThat(stored()).singleElement().satisfies(e -> assertThat(e.event().idempotencyKey())
                .isEqualTo("join-crashed"));
        assertThat(queued()).isEmpty();
    }

    @Test
    void nothingMovesWhileAnotherProcessHoldsTheRelayLock() throws Exception {
        enqueue(3);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ComplianceLocks locks = new ComplianceLocks(compliance);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> compliance.transaction(c -> {
            assertThat(locks.tryLock(c.dsl(), ComplianceLocks.RELAY)).isTrue();
            locked.countDown();
            assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

        RelayOutcome outcome = relay(10).pass();
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);

        assertThat(outcome).isEqualTo(new RelayOutcome.OtherNodeRelays());
        assertThat(queued()).hasSize(3);
        assertThat(stored()).isEmpty();
    }

    @Test
    void concurrentRelaysWithConcurrentWritersMoveEveryEventExactlyOnce() throws Exception {
        int writers = 4;
        int perWriter = 50;
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            running.add(CompletableFuture.runAsync(() -> enqueue(perWriter)));
        }
        OutboxRelay first = relay(7);
        OutboxRelay second = new OutboxRelay("node-b", content, compliance,
                new ComplianceGate("node-b", Duration.ofSeconds(5), Clock.systemUTC()), 7, () -> { });
        CompletableFuture<Void> relays = CompletableFuture.runAsync(() -> {
            while (!running.stream().allMatch(CompletableFuture::isDone)) {
                first.pass();
            }
        });
        while (!relays.isDone()) {
            second.pass();
        }
        relays.get(30, TimeUnit.SECONDS);
        first.pass();

        assertThat(queued()).isEmpty();
        assertThat(stored()).hasSize(writers * perWriter)
                .extracting(e -> e.event().idempotencyKey()).doesNotHaveDuplicates();
    }
}
