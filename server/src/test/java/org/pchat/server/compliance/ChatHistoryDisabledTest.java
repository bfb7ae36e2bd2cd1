package org.pchat.server.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchat.server.domain.ChatMessage;
import org.pchat.server.domain.ComplianceEventType;
import org.pchat.server.domain.StoredComplianceEvent;

/** Acceptance 4: a category without chat history still has its posts recorded for compliance, as in Lync. */
class ChatHistoryDisabledTest {

    private static final String ALICE = "sip:alice@example.com";

    @TempDir
    Path dataDir;

    private ComplianceTestBed bed;
    private UUID room;
    private TestParticipant alice;

    @BeforeEach
    void openRoomWithoutHistory() {
        bed = ComplianceTestBed.h2(dataDir);
        bed.category("Unlogged", false);
        room = bed.room("Quiet", "Unlogged");
        alice = new TestParticipant(ALICE);
        bed.join(alice, room).value();
    }

    @AfterEach
    void close() {
        bed.close();
    }

    @Test
    void postsInACategoryWithoutHistoryAreRecordedAsChatEvents() {
        ChatMessage posted = bed.post(alice, room, "not kept for users, kept for auditors").value();

        assertThat(bed.relayedEvents()).map(StoredComplianceEvent::event)
                .filteredOn(e -> e.type() == ComplianceEventType.CHAT)
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.content()).isEqualTo("not kept for users, kept for auditors");
                    assertThat(e.messageId()).isEqualTo(posted.id());
                    assertThat(e.userUri()).isEqualTo(ALICE);
                });
    }

    @Test
    void historyReadsInACategoryWithoutHistoryReturnNothingAndRecordNoBackchat() {
        bed.post(alice, room, "hello").value();

        assertThat(bed.history(ALICE, room, 10).value().messages()).isEmpty();
        assertThat(bed.relayedEvents()).extracting(e -> e.event().type())
                .containsExactly(ComplianceEventType.JOIN, ComplianceEventType.CHAT);
    }
}
