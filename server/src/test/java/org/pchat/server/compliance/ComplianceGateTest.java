package org.pchat.server.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchat.server.chat.ChatErrorCode;
import org.pchat.server.chat.ChatException;
import org.pchat.server.db.TestDatabases;
import org.pchat.server.domain.ChatMessage;
import org.pchat.server.domain.StoredFile;
import org.pchat.server.files.FileException;

/** Refusing actions while compliance cannot keep up, and accepting them again once it does. */
class ComplianceGateTest {

    private static final String ALICE = "sip:alice@example.com";
    private static final UUID ROOM = UUID.randomUUID();

    @TempDir
    Path dataDir;

    private TestDatabases databases;
    private SettableClock clock;
    private ComplianceHooks hooks;
    private DSLContext content;

    @BeforeEach
    void open() {
        databases = TestDatabases.h2(dataDir);
        content = databases.databases().content();
        clock = new SettableClock(Instant.parse("2024-05-01T12:00:00Z"));
        ComplianceConfig config = ComplianceConfig.defaults(dataDir).withEnabled(true)
                .withRelay(Duration.ofMillis(500), Duration.ofSeconds(5));
        hooks = new ComplianceHooks(config, "node-a", "example.com", clock);
    }

    @AfterEach
    void close() throws Exception {
        databases.close();
    }

    private void join() {
        content.transaction(c -> hooks.recorder().joined(c.dsl(), ALICE, ROOM, clock.instant()));
    }

    private OutboxRelay relay() {
        return new OutboxRelay("node-a", content, databases.databases().compliance(), hooks.gate(), 100, () -> { });
    }

    @Test
    void actionsAreAcceptedWhileTheOutboxIsYoungerThanTheBound() {
        join();
        clock.advance(Duration.ofSeconds(5));

        assertThatCode(this::join).doesNotThrowAnyException();
    }

    @Test
    void actionsAreRefusedOnceTheOldestQueuedEventIsOlderThanTheBound() {
        join();
        clock.advance(Duration.ofSeconds(6));

        assertThatThrownBy(this::join).isInstanceOf(ChatException.class)
                .hasMessageStartingWith("compliance database unreachable: ")
                .hasMessageContaining("6000 ms")
                .hasMessageContaining("compliance.max-backlog-age=5 s")
                .hasMessageEndingWith("action refused (node node-a)")
                .satisfies(e -> assertThat(((ChatException) e).code()).isEqualTo(ChatErrorCode.BUSY));
    }

    @Test
    void actionsAreAcceptedAgainOnceTheRelayCaughtUp() {
        join();
        clock.advance(Duration.ofSeconds(6));

        relay().pass();

        assertThatCode(this::join).doesNotThrowAnyException();
    }

    @Test
    void actionsAreRefusedWhileTheRelayCannotReachTheComplianceDatabase() {
        hooks.gate().unreachable("Connection refused");

        assertThatThrownBy(this::join).isInstanceOf(ChatException.class)
                .hasMessage("compliance database unreachable: Connection refused; action refused (node node-a)");
    }

    @Test
    void aRefusedActionLeavesNothingInTheOutbox() {
        hooks.gate().unreachable("Connection refused");

        assertThatThrownBy(this::join).isInstanceOf(ChatException.class);

        assertThat(new OutboxBacklog(content).count()).isZero();
    }

    @Test
    void aPartIsRecordedEvenWhileActionsAreRefused() {
        hooks.gate().unreachable("Connection refused");

        content.transaction(c -> hooks.recorder().parted(c.dsl(), ALICE, ROOM, clock.instant()));

        assertThat(new OutboxBacklog(content).count()).isOne();
    }

    @Test
    void refusedPostFailsWithTheRefusal() {
        hooks.gate().unreachable("Connection refused");
        ChatMessage message = new ChatMessage(ROOM, 1, 1, ALICE, clock.instant(), "hello", false, null);

        assertThatThrownBy(() -> content.transaction(c -> hooks.recorder().posted(c.dsl(), message)))
                .isInstanceOf(ChatException.class).hasMessageContaining("action refused");
    }

    @Test
    void refusedFileUploadFailsAsBusyFileError() {
        hooks.gate().unreachable("Connection refused");
        StoredFile file = new StoredFile(UUID.randomUUID(), ROOM, "a.txt", "a.txt", ALICE, 1, "text/plain",
                "00".repeat(32), clock.instant());

        assertThatThrownBy(() -> content.transaction(c -> hooks.fileAudit().uploaded(c.dsl(), file, clock.instant())))
                .isInstanceOf(FileException.class)
                .satisfies(e -> assertThat(((FileException) e).kind()).isEqualTo(FileException.Kind.BUSY))
                .hasMessageContaining("compliance database unreachable");
    }

    @Test
    void reachingTheDatabaseAgainClearsTheRefusal() {
        hooks.gate().unreachable("Connection refused");

        relay().pass();

        assertThatCode(this::join).doesNotThrowAnyException();
    }
}
