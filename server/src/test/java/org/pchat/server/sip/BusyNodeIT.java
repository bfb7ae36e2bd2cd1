package org.pchat.server.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.sip.header.RetryAfterHeader;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchat.server.domain.Principal;
import org.pchat.server.domain.Privacy;
import org.pchat.server.rooms.CategorySpec;
import org.pchat.server.rooms.RoomSpec;
import org.pchat.xccos.model.ChanUri;
import org.pchat.xccos.model.JoinData;
import org.pchat.xccos.model.Reply;

/**
 * Admission while the node is behind on its server INFOs (docs/chat-node.md "Refusing sessions when behind"):
 * new INVITEs get 503 with Retry-After (RFC 3261 §21.5.4), sessions already taken keep being served.
 */
class BusyNodeIT {

    private static final String ALICE = "sip:alice@example.com";
    private static final String BOB = "sip:bob@example.com";
    private static final String CAROL = "sip:carol@example.com";

    @TempDir
    Path dataDir;

    private TestChatNode node;
    private ChanUri lobby;

    @BeforeEach
    void startNode() {
        // at most 1 INFO owed; a server INFO unanswered for 64*T1 = 3.2 s drops its session
        node = TestChatNode.start(dataDir, c -> c.withAdmission(1, 7).withT1Millis(50));
        node.directory().newCategory(CategorySpec.named("General").withAllowed(Set.of(Principal.everyone())));
        UUID id = node.directory().newRoom(RoomSpec.of("Lobby", "General").withPrivacy(Privacy.OPEN)).room().id();
        lobby = ChanUri.of(TestChatNode.DOMAIN, id);
    }

    @AfterEach
    void stopNode() {
        node.close();
    }

    private TestSipClient joinedLobby(String user) throws Exception {
        TestSipClient client = new TestSipClient(user, node.port());
        assertThat(client.invite(TestChatNode.CHAT_URI).getStatusCode()).as("INVITE of " + user).isEqualTo(200);
        Reply reply = client.awaitReply(client.command(JoinData.of(lobby)));
        assertThat(reply.response().code()).as("join of " + user).isEqualTo(200);
        return client;
    }

    /** Bob stops answering and alice posts twice: the node owes bob two INFOs, over its limit of one. */
    private void fallBehind(TestSipClient alice, TestSipClient bob) throws Exception {
        bob.answerInfos(TestSipClient.InfoAnswer.SILENT);
        alice.post(lobby, "one");
        alice.post(lobby, "two");
        await().until(() -> node.endpoint().infoBacklog() >= 2);
    }

    @Test
    void aNodeBehindOnItsServerInfosAnswersNewInvites503WithRetryAfter() throws Exception {
        try (TestSipClient alice = joinedLobby(ALICE); TestSipClient bob = joinedLobby(BOB);
             TestSipClient carol = new TestSipClient(CAROL, node.port())) {
            fallBehind(alice, bob);

            Response refused = carol.invite(TestChatNode.CHAT_URI);

            assertThat(refused.getStatusCode()).isEqualTo(503);
            assertThat(((RetryAfterHeader) refused.getHeader(RetryAfterHeader.NAME)).getRetryAfter()).isEqualTo(7);
            assertThat(refused.getReasonPhrase()).contains("server INFOs owed exceed admissionBacklog 1");
            assertThat(node.endpoint().sessionCount()).as("alice and bob keep their sessions").isEqualTo(2);
        }
    }

    @Test
    void theSessionsAlreadyTakenAreServedWhileNewOnesAreRefused() throws Exception {
        try (TestSipClient alice = joinedLobby(ALICE); TestSipClient bob = joinedLobby(BOB);
             TestSipClient carol = new TestSipClient(CAROL, node.port())) {
            fallBehind(alice, bob);
            assertThat(carol.invite(TestChatNode.CHAT_URI).getStatusCode()).isEqualTo(503);

            alice.post(lobby, "three");

            await().untilAsserted(() -> assertThat(alice.messages(lobby))
                    .extracting(org.pchat.xccos.model.ChatMessage::text).contains("three"));
        }
    }

    @Test
    void theNodeTakesNewSessionsAgainOnceItIsNoLongerBehind() throws Exception {
        try (TestSipClient alice = joinedLobby(ALICE); TestSipClient bob = joinedLobby(BOB);
             TestSipClient carol = new TestSipClient(CAROL, node.port())) {
            fallBehind(alice, bob);
            assertThat(carol.invite(TestChatNode.CHAT_URI).getStatusCode()).isEqualTo(503);

            // bob's unanswered INFO drops his session after 64*T1, and with it what the node owed him
            await().until(() -> node.endpoint().infoBacklog() <= 1);

            assertThat(carol.invite(TestChatNode.CHAT_URI).getStatusCode()).isEqualTo(200);
        }
    }
}
