package org.pchat.server.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchat.server.chat.ChatErrorCode;
import org.pchat.server.chat.ChatException;
import org.pchat.server.chat.ChatResult;
import org.pchat.server.config.ChatLimits;
import org.pchat.server.config.NodeConfig;
import org.pchat.server.db.DatabaseConfig;
import org.pchat.server.db.Databases;
import org.pchat.server.domain.ChatMessage;
import org.pchat.server.domain.ComplianceEvent;
import org.pchat.server.domain.ComplianceEventType;
import org.pchat.server.domain.StoredComplianceEvent;
import org.pchat.server.rooms.DirectoryConfig;

/**
 * Acceptance 3: the compliance database is a separate H2 server reached over TCP, and it goes away. Posts then
 * fail with a clear error, nothing reaches history without its compliance record, and once the server is back
 * everything works again and every stored message has exactly one CHAT event.
 */
class ComplianceDatabaseOutageIT {

    private static final String ALICE = "sip:alice@example.com";

    @TempDir
    Path dir;

    private int port;
    private Server complianceServer;
    private Databases databases;
    private ComplianceComponent compliance;
    private ComplianceTestBed bed;
    private UUID room;
    private TestParticipant alice;

    @BeforeEach
    void start() throws Exception {
        port = freePort();
        complianceServer = startComplianceServer();
        DatabaseConfig embedded = DatabaseConfig.embedded(dir.resolve("data"));
        databases = Databases.open(new DatabaseConfig(embedded.contentUrl(), "sa", "",
                "jdbc:h2:tcp://127.0.0.1:" + port + "/compliance", "sa", "", 4, Duration.ofSeconds(1)));
        databases.migrate();
        ComplianceConfig config = ComplianceConfig.defaults(dir).withEnabled(true)
                .withRelay(Duration.ofMillis(100), Duration.ofSeconds(2));
        compliance = new ComplianceComponent(config, new NodeConfig(ComplianceTestBed.NODE, ComplianceTestBed.DOMAIN,
                dir.toAbsolutePath(), ChatLimits.defaults()), DirectoryConfig.defaults(), () -> databases,
                Clock.systemUTC());
        compliance.start();
        bed = new ComplianceTestBed(databases, compliance.hooks(), Clock.systemUTC());
        bed.category("General", true);
        room = bed.room("Lobby", "General");
        alice = new TestParticipant(ALICE);
        bed.join(alice, room).value();
    }

    @AfterEach
    void stop() throws Exception {
        if (bed != null) {
            bed.closeChat();
        }
        if (compliance != null) {
            compliance.stop();
        }
        if (databases != null) {
            databases.close();
        }
        if (complianceServer != null) {
            complianceServer.stop();
        }
    }

    private Server startComplianceServer() throws SQLException {
        return Server.createTcpServer("-tcpPort", Integer.toString(port), "-tcpAllowOthers", "-ifNotExists",
                "-baseDir", dir.resolve("compliance-server").toString()).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void postsFailClearlyDuringTheOutageAndEveryStoredMessageHasExactlyOneChatEventAfterIt() throws Exception {
        ChatMessage before = bed.post(alice, room, "before the outage").value();
        await().atMost(Duration.ofSeconds(10)).until(() -> bed.outbox().isEmpty());

        complianceServer.stop();
        List<ChatMessage> acceptedDuringOutage = new ArrayList<>();
        List<String> refusedTexts = new ArrayList<>();
        AtomicReference<ChatException> refusal = new AtomicReference<>();
        AtomicInteger attempt = new AtomicInteger();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            String text = "during the outage " + attempt.incrementAndGet();
            ChatResult<ChatMessage> result = bed.post(alice, room, text);
            if (result instanceof ChatResult.Failed<ChatMessage> failed) {
                refusedTexts.add(text);
                refusal.set(failed.error());
                return true;
            }
            acceptedDuringOutage.add(result.value());
            return false;
        });

        assertThat(refusal.get().code()).isEqualTo(ChatErrorCode.BUSY);
        assertThat(refusal.get().getMessage()).startsWith("compliance database unreachable: ")
                .endsWith("; action refused (node " + ComplianceTestBed.NODE + ")");
        assertThat(bed.history(room)).extracting(ChatMessage::text).doesNotContainAnyElementsOf(refusedTexts);
        assertThat(bed.outbox()).map(StoredComplianceEvent::event)
                .filteredOn(e -> e.type() == ComplianceEventType.CHAT).extracting(ComplianceEvent::messageId)
                .containsExactlyInAnyOrderElementsOf(acceptedDuringOutage.stream().map(ChatMessage::id).toList());

        complianceServer = startComplianceServer();
        AtomicReference<ChatMessage> after = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            ChatResult<ChatMessage> result = bed.post(alice, room, "after the outage");
            if (result.isOk()) {
                after.set(result.value());
            }
            return result.isOk();
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> bed.outbox().isEmpty());

        List<Long> stored = bed.history(room).stream().map(ChatMessage::id).toList();
        assertThat(stored).contains(before.id(), Objects.requireNonNull(after.get()).id());
        assertThat(bed.storedEvents()).map(StoredComplianceEvent::event)
                .filteredOn(e -> e.type() == ComplianceEventType.CHAT).extracting(ComplianceEvent::messageId)
                .containsExactlyInAnyOrderElementsOf(stored);
    }

    @Test
    void historyReadsAreRefusedDuringTheOutageAndPartsAreKeptForLater() throws Exception {
        complianceServer.stop();
        AtomicReference<ChatException> refusal = new AtomicReference<>();
        AtomicInteger acceptedReads = new AtomicInteger();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            ChatResult<?> result = bed.history(ALICE, room, 10);
            if (result instanceof ChatResult.Failed<?> failed) {
                refusal.set(failed.error());
                return true;
            }
            acceptedReads.incrementAndGet();
            return false;
        });
        bed.part(alice, room).value();

        complianceServer = startComplianceServer();
        await().atMost(Duration.ofSeconds(20)).until(() -> bed.outbox().isEmpty());

        assertThat(refusal.get().getMessage()).startsWith("compliance database unreachable: ");
        List<ComplianceEventType> expected = new ArrayList<>();
        expected.add(ComplianceEventType.JOIN);
        for (int i = 0; i < acceptedReads.get(); i++) {
            expected.add(ComplianceEventType.BACKCHAT);
        }
        expected.add(ComplianceEventType.PART);
        assertThat(bed.storedEvents()).extracting(e -> e.event().type()).containsExactlyElementsOf(expected);
    }
}
