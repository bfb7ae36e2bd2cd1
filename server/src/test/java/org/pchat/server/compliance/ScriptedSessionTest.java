package org.pchat.server.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchat.server.domain.ChatMessage;
import org.pchat.server.domain.ComplianceEvent;
import org.pchat.server.domain.ComplianceEventType;
import org.pchat.server.domain.StoredComplianceEvent;
import org.pchat.server.domain.StoredFile;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Acceptance 1: a scripted session through the real chat core produces exactly its compliance events. */
class ScriptedSessionTest {

    private static final String ALICE = "sip:alice@example.com";

    @TempDir
    Path dataDir;

    private ComplianceTestBed bed;
    private UUID room;
    private TestParticipant alice;

    @BeforeEach
    void openRoom() {
        bed = ComplianceTestBed.h2(dataDir);
        bed.category("General", true);
        room = bed.room("Lobby", "General");
        alice = new TestParticipant(ALICE);
    }

    @AfterEach
    void close() {
        bed.close();
    }

    /** Join, three posts, one history read, part; returns the stored posts. */
    private List<ChatMessage> runScript() {
        bed.join(alice, room).value();
        List<ChatMessage> posted = Stream.of("first post", "second <post> & \"quotes\"", "third post")
                .map(text -> bed.post(alice, room, text).value())
                .toList();
        assertThat(bed.history(ALICE, room, 10).value().messages()).hasSize(3);
        bed.part(alice, room).value();
        return posted;
    }

    @Test
    void scriptedSessionRecordsJoinThreePostsBackchatAndPartInOrder() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        runScript();
        Instant after = Instant.now();

        List<ComplianceEvent> events = bed.relayedEvents().stream().map(StoredComplianceEvent::event).toList();

        assertThat(events).extracting(ComplianceEvent::type).containsExactly(ComplianceEventType.JOIN,
                ComplianceEventType.CHAT, ComplianceEventType.CHAT, ComplianceEventType.CHAT,
                ComplianceEventType.BACKCHAT, ComplianceEventType.PART);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.userUri()).isEqualTo(ALICE);
            assertThat(event.roomId()).isEqualTo(room);
            assertThat(event.roomUri()).isEqualTo("ma-chan://example.com/" + room);
            assertThat(event.nodeId()).isEqualTo(ComplianceTestBed.NODE);
            assertThat(event.occurredAt()).isBetween(before, after);
        });
        assertThat(events).extracting(ComplianceEvent::occurredAt).isSorted();
    }

    @Test
    void chatEventsCarryTextMessageIdAndTimeOfTheStoredMessage() {
        List<ChatMessage> posted = runScript();

        List<ComplianceEvent> chats = bed.relayedEvents().stream().map(StoredComplianceEvent::event)
                .filter(e -> e.type() == ComplianceEventType.CHAT).toList();

        assertThat(chats).extracting(ComplianceEvent::content)
                .containsExactlyElementsOf(posted.stream().map(ChatMessage::text).toList());
        assertThat(chats).extracting(ComplianceEvent::messageId)
                .containsExactlyElementsOf(posted.stream().map(ChatMessage::id).toList());
        assertThat(chats).extracting(ComplianceEvent::occurredAt)
                .containsExactlyElementsOf(posted.stream().map(ChatMessage::receivedAt).toList());
    }

    @Test
    void joinBackchatAndPartCarryNoContentAndNoMessageId() {
        runScript();

        assertThat(bed.relayedEvents()).map(StoredComplianceEvent::event)
                .filteredOn(e -> e.type() != ComplianceEventType.CHAT)
                .hasSize(3)
                .allSatisfy(e -> {
                    assertThat(e.content()).isNull();
                    assertThat(e.messageId()).isNull();
                });
    }

    @Test
    void relayingTwiceStoresEachEventOnce() {
        runScript();
        bed.relayedEvents();

        assertThat(bed.relayedEvents()).hasSize(6);
        assertThat(bed.outbox()).isEmpty();
    }

    @Test
    void scriptedSessionExportsLyncXmlThatValidatesAgainstTheSchema() throws Exception {
        List<ChatMessage> posted = runScript();
        bed.relayedEvents();
        Path out = dataDir.resolve("export");
        CheckpointedExporter exporter = new CheckpointedExporter(ComplianceTestBed.NODE, bed.databases().compliance(),
                () -> ExportDetails.NONE, Clock.systemUTC());

        exporter.run(List.of(new ExportAdapter(ExportFormat.XML, out, ExportOptions.defaults())),
                ExportListener.NONE, () -> { });

        List<Path> files;
        try (Stream<Path> listed = Files.list(out)) {
            files = listed.toList();
        }
        assertThat(files).hasSize(1);
        LyncXml.validate(files.get(0));
        Document xml = LyncXml.parse(files.get(0));
        List<Element> messages = LyncXml.elements(xml, "Message");
        assertThat(messages).extracting(m -> m.getAttribute("type"))
                .containsExactly("JOIN", "CHAT", "CHAT", "CHAT", "BACKCHAT", "PART");
        assertThat(messages).filteredOn(m -> m.hasAttribute("id")).extracting(m -> Long.parseLong(m.getAttribute("id")))
                .containsExactlyElementsOf(posted.stream().map(ChatMessage::id).toList());
        assertThat(messages).filteredOn(m -> m.getAttribute("type").equals("CHAT"))
                .extracting(m -> m.getAttribute("content"))
                .containsExactlyElementsOf(posted.stream().map(ChatMessage::text).toList());
        assertThat(messages).extracting(m -> LyncXml.child(m, "Sender").getAttribute("uri"))
                .containsOnly("alice@example.com");
        assertThat(LyncXml.elements(xml, "Channel")).singleElement()
                .satisfies(c -> assertThat(c.getAttribute("uri")).isEqualTo("ma-chan://example.com/" + room));
    }

    @Test
    void fileUploadAndDownloadAreRecordedWithTheStoredFileName() {
        StoredFile file = new StoredFile(UUID.randomUUID(), room, "0988239a-5b3c-4d3e-9f3a-b07771a2097c.txt",
                "notes.txt", ALICE, 12, "text/plain", "ab".repeat(32), Instant.now());
        bed.databases().content().transaction(c -> bed.hooks().fileAudit().uploaded(c.dsl(), file, file.uploadedAt()));
        bed.databases().content().transaction(c -> bed.hooks().fileAudit().downloaded(c.dsl(), file,
                "sip:bob@example.com", Instant.now()));

        assertThat(bed.relayedEvents()).map(StoredComplianceEvent::event)
                .extracting(ComplianceEvent::type, ComplianceEvent::userUri, ComplianceEvent::content)
                .containsExactly(
                        tuple(ComplianceEventType.FILEUPLOAD, ALICE, file.storedName()),
                        tuple(ComplianceEventType.FILEDOWNLOAD, "sip:bob@example.com",
                                file.storedName()));
    }
}
