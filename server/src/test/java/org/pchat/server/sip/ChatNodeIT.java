package org.pchat.server.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import javax.sip.header.AcceptHeader;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchat.server.domain.Principal;
import org.pchat.server.domain.Privacy;
import org.pchat.server.rooms.CategorySpec;
import org.pchat.server.rooms.RoomSpec;
import org.pchat.xccos.codec.XccosDecoder;
import org.pchat.xccos.codec.XccosEncoder;
import org.pchat.xccos.model.AccessInfo;
import org.pchat.xccos.model.BackchatData;
import org.pchat.xccos.model.BatchJoinData;
import org.pchat.xccos.model.ChanId;
import org.pchat.xccos.model.ChanUri;
import org.pchat.xccos.model.ChannelInfo;
import org.pchat.xccos.model.ChannelSearchData;
import org.pchat.xccos.model.ChatMessage;
import org.pchat.xccos.model.CreateChildPermissionData;
import org.pchat.xccos.model.FileToken;
import org.pchat.xccos.model.FileTokenData;
import org.pchat.xccos.model.FileTransfer;
import org.pchat.xccos.model.GetInvitationsData;
import org.pchat.xccos.model.GetPreferencesData;
import org.pchat.xccos.model.Preference;
import org.pchat.xccos.model.SetPreferencesData;
import org.pchat.xccos.model.FailureInfo;
import org.pchat.xccos.model.GetServerInfoData;
import org.pchat.xccos.model.GroupChat;
import org.pchat.xccos.model.JoinData;
import org.pchat.xccos.model.Notice;
import org.pchat.xccos.model.PartData;
import org.pchat.xccos.model.PermissionSet;
import org.pchat.xccos.model.Reply;
import org.pchat.xccos.model.RequestUriData;
import org.pchat.xccos.model.SearchQuery;
import org.pchat.xccos.model.ServerInfo;
import org.pchat.xccos.model.UnknownCommandData;
import org.pchat.xccos.model.UserInfo;
import org.pchat.xccos.model.XccosEnvelope;

/**
 * The chat node over real SIP (TCP, loopback) with JAIN-SIP clients started in the test: xccos.md §2, §4, §5,
 * §9, §11 and the error mapping of docs/chat-node.md.
 */
class ChatNodeIT {

    static final String ALICE = "sip:alice@example.com";
    static final String BOB = "sip:bob@example.com";

    @TempDir
    Path dataDir;

    private TestChatNode node;
    private ChanUri lobby;

    @BeforeEach
    void startNode() {
        node = TestChatNode.start(dataDir, UnaryOperator.identity());
        node.directory().newCategory(CategorySpec.named("General").withAllowed(Set.of(Principal.everyone())));
        UUID id = node.directory().newRoom(RoomSpec.of("Lobby", "General").withPrivacy(Privacy.OPEN)
                .withTopic("Welcome")).room().id();
        lobby = ChanUri.of(TestChatNode.DOMAIN, id);
    }

    @AfterEach
    void stopNode() {
        node.close();
    }

    private void restartNode(UnaryOperator<SipChatConfig> tweak) {
        node.close();
        node = TestChatNode.start(dataDir, tweak);
    }

    private TestSipClient connect(String user) throws Exception {
        TestSipClient client = new TestSipClient(user, node.port());
        Response answer = client.invite(TestChatNode.CHAT_URI);
        assertThat(answer.getStatusCode()).as("INVITE of " + user).isEqualTo(200);
        return client;
    }

    private static Reply joined(TestSipClient client, ChanUri room) throws Exception {
        Reply reply = client.awaitReply(client.command(JoinData.of(room)));
        assertThat(reply.response().code()).as("join of " + client.userUri()).isEqualTo(200);
        return reply;
    }

    /** xccos.md §2.1, §4.2, §4.10, §4.5, §4.9, §5, §4.7: one client's whole session. */
    @Test
    void oneClientSessionFromInviteToBye() throws Exception {
        try (TestSipClient alice = new TestSipClient(ALICE, node.port())) {
            Response answer = alice.invite(TestChatNode.CHAT_URI);
            assertThat(answer.getStatusCode()).isEqualTo(200);
            assertThat(answer.getHeader("Session-Expires")).isNotNull();
            assertThat(answer.getHeader("Contact")).isNotNull();
            assertThat(new String(answer.getRawContent())).contains("m=message ").contains(" sip null");

            Reply info = alice.awaitReply(alice.command(GetServerInfoData.of("example.com", "123")));
            ServerInfo sib = (ServerInfo) info.data().get(0);
            assertThat(info.id()).isEqualTo("rpl:getserverinfo");
            assertThat(sib.infoType()).contains("123");
            assertThat(sib.messageSizeLimit()).isEqualTo(512);
            assertThat(sib.storySizeLimit()).isEqualTo(4096);
            assertThat(sib.searchLimit()).isEqualTo(999);
            assertThat(sib.rootUri().uri()).startsWith("ma-cat://example.com/");

            Reply search = alice.awaitReply(alice.command(new ChannelSearchData(SearchQuery.byName(""))));
            assertThat(search.data()).extracting(b -> ((ChannelInfo) b).uri()).containsExactly(lobby);

            Reply join = joined(alice, lobby);
            ChannelInfo chanib = (ChannelInfo) join.data().get(1);
            assertThat(join.data().get(0)).isEqualTo(UserInfo.of(0, ALICE));
            assertThat(chanib.name()).contains("Lobby");
            assertThat(chanib.topic()).contains("Welcome");
            assertThat(chanib.access()).containsExactly(AccessInfo.forUsers(PermissionSet.MEMBER, List.of(0)));

            alice.post(lobby, "hello");
            ChatMessage echo = alice.awaitElement(GroupChat.class, g -> true).message();
            assertThat(echo.author()).isEqualTo(ALICE);
            assertThat(echo.text()).isEqualTo("hello");
            assertThat(echo.messageId()).hasValue(1);

            Reply history = alice.awaitReply(alice.command(BackchatData.last(lobby, 25)));
            assertThat(((ChannelInfo) history.data().get(0)).messages()).extracting(ChatMessage::text)
                    .containsExactly("hello");

            Reply part = alice.awaitReply(alice.command(PartData.of(lobby)));
            assertThat(part.response().code()).isEqualTo(200);
            assertThat(part.data()).containsExactly(ChannelInfo.ref(lobby));
            assertThat(alice.bye().getStatusCode()).isEqualTo(200);
            assertThat(alice.undecodable()).isEmpty();
        }
    }

    /** xccos.md §4.1, §11: the lookup reply must carry data/uib/@uri. */
    @Test
    void requriAnswersWithTheChannelUri() throws Exception {
        try (TestSipClient alice = connect(ALICE)) {
            Reply reply = alice.awaitReply(alice.command(new RequestUriData()));

            assertThat(reply.id()).isEqualTo("rpl:requri");
            assertThat(reply.data()).containsExactly(UserInfo.of(TestChatNode.CHAT_URI));
        }
    }

    /**
     * xccos.md §11: a client on one TCP connection that never listens, sending INVITE, ACK and INFO without Via
     * branches (RFC 3261 §17.2.3 matching), gets the reply INFO down its own connection.
     */
    @Test
    void aBranchlessClientOnOneConnectionGetsItsReplyDownThatConnection() throws Exception {
        try (RawSipConnection sipe = new RawSipConnection(node.port(), Duration.ofSeconds(10))) {
            String via = "Via: SIP/2.0/tcp 127.0.0.1:" + sipe.localPort();
            String dialog = "From: <sip:alice@example.com>;tag=sipe1\nCall-ID: raw-" + UUID.randomUUID() + "\n";
            sipe.send("INVITE sip:ocschat@example.com SIP/2.0\n" + via + "\nMax-Forwards: 70\n" + dialog
                    + "To: <sip:ocschat@example.com>\nCSeq: 1 INVITE\nContact: <sip:alice@example.com:1;"
                    + "maddr=127.0.0.1;transport=tcp>\nContent-Type: application/sdp",
                    "v=0\r\nm=message 5061 sip null\r\n");
            RawSipConnection.Message ok = sipe.read();
            while (ok.status() < 200) {
                ok = sipe.read();
            }
            assertThat(ok.status()).isEqualTo(200);
            String to = "To: <sip:ocschat@example.com>;tag=" + ok.tag("To").orElseThrow() + "\n";
            String target = ok.header("Contact").orElseThrow().replaceAll("^<|>.*$", "");
            sipe.send("ACK " + target + " SIP/2.0\n" + via + "\nMax-Forwards: 70\n" + dialog + to
                    + "CSeq: 1 ACK", "");
            sipe.send("INFO " + target + " SIP/2.0\n" + via + "\nMax-Forwards: 70\n" + dialog + to
                    + "CSeq: 2 INFO\nContent-Type: text/plain", new XccosEncoder().encode(XccosEnvelope.of(77,
                    org.pchat.xccos.model.Command.of(new RequestUriData()))));

            boolean infoAnswered = false;
            Reply reply = null;
            while (!infoAnswered || reply == null) {
                RawSipConnection.Message next = sipe.read();
                if (next.isResponse()) {
                    assertThat(next.status()).as("answer to the INFO").isEqualTo(200);
                    infoAnswered = true;
                } else {
                    assertThat(next.method()).isEqualTo("INFO");
                    reply = (Reply) new XccosDecoder().decode(next.body()).payload().get(0);
                    sipe.send("SIP/2.0 200 OK\nVia: " + next.header("Via").orElseThrow() + "\nFrom: "
                            + next.header("From").orElseThrow() + "\nTo: " + next.header("To").orElseThrow()
                            + "\nCall-ID: " + next.header("Call-ID").orElseThrow() + "\nCSeq: "
                            + next.header("CSeq").orElseThrow(), "");
                }
            }
            assertThat(reply.command().envId()).isEqualTo(77);
            assertThat(reply.data()).containsExactly(UserInfo.of(TestChatNode.CHAT_URI));
        }
    }

    /** xccos.md §4.8, §5.2: notices to the others, posts to everyone including the author. */
    @Test
    void twoClientsSeeEachOthersJoinPostAndPart() throws Exception {
        try (TestSipClient alice = connect(ALICE); TestSipClient bob = connect(BOB)) {
            joined(alice, lobby);
            Reply bobJoin = joined(bob, lobby);
            assertThat(bobJoin.data()).contains(UserInfo.of(0, ALICE), UserInfo.of(1, BOB));

            Notice join = alice.awaitElement(Notice.class, n -> n.id().equals("ntc:join"));
            assertThat(((UserInfo) join.data().get(0)).uri()).isEqualTo(BOB);
            bob.post(lobby, "hi alice");
            alice.post(lobby, "hi bob");
            for (TestSipClient client : List.of(alice, bob)) {
                await().untilAsserted(() -> assertThat(client.messages(lobby)).extracting(ChatMessage::text)
                        .containsExactlyInAnyOrder("hi alice", "hi bob"));
            }
            assertThat(alice.messages(lobby)).as("both see the room's one order").isEqualTo(bob.messages(lobby));
            bob.awaitReply(bob.command(PartData.of(lobby)));
            Notice part = alice.awaitElement(Notice.class, n -> n.id().equals("ntc:part"));
            assertThat(((ChannelInfo) part.data().get(0)).users()).extracting(UserInfo::uri).containsExactly(BOB);
            assertThat(bob.notices("ntc:join")).isEmpty();
        }
    }

    /** xccos.md §4.9, §9: after 100 posts a reconnecting client reads the newest 25, oldest first, gap-free. */
    @Test
    void lastTwentyFiveAfterAHundredPostsAndAReconnect() throws Exception {
        try (TestSipClient alice = connect(ALICE)) {
            joined(alice, lobby);
            for (int i = 1; i <= 100; i++) {
                alice.post(lobby, "m" + i);
            }
            await().untilAsserted(() -> assertThat(alice.messages(lobby)).hasSize(100));
            alice.bye();
        }
        try (TestSipClient again = connect(ALICE)) {
            joined(again, lobby);
            Reply history = again.awaitReply(again.command(BackchatData.last(lobby, 25)));
            List<ChatMessage> messages = ((ChannelInfo) history.data().get(0)).messages();

            assertThat(messages).extracting(ChatMessage::text)
                    .containsExactlyElementsOf(IntStream.rangeClosed(76, 100).mapToObj(i -> "m" + i).toList());
            assertThat(messages).extracting(m -> m.messageId().getAsLong())
                    .containsExactlyElementsOf(IntStream.rangeClosed(76, 100).mapToObj(i -> (long) i).toList());
        }
    }

    /** ARCHITECTURE.md §6: every acknowledged post survives a restart on the same database files. */
    @Test
    void acknowledgedPostsSurviveANodeRestart() throws Exception {
        List<String> acknowledged;
        try (TestSipClient alice = connect(ALICE)) {
            joined(alice, lobby);
            for (int i = 1; i <= 30; i++) {
                alice.post(lobby, "durable " + i);
            }
            await().untilAsserted(() -> assertThat(alice.messages(lobby)).hasSize(30));
            acknowledged = alice.messages(lobby).stream().map(ChatMessage::text).toList();
        }
        restartNode(UnaryOperator.identity());
        try (TestSipClient alice = connect(ALICE)) {
            joined(alice, lobby);
            Reply history = alice.awaitReply(alice.command(BackchatData.last(lobby, 100)));

            assertThat(((ChannelInfo) history.data().get(0)).messages()).extracting(ChatMessage::text)
                    .containsExactlyElementsOf(acknowledged);
        }
    }

    /** xccos.md §4.6: a room that cannot be joined comes back as a fib in rpl:bjoin. */
    @Test
    void batchJoinReportsAFailedRoomAsFib() throws Exception {
        ChanUri missing = ChanUri.of(TestChatNode.DOMAIN, UUID.randomUUID());
        try (TestSipClient alice = connect(ALICE)) {
            Reply reply = alice.awaitReply(alice.command(new BatchJoinData(List.of(ChanId.of(0, lobby),
                    ChanId.of(1, missing)))));

            assertThat(reply.response().code()).isEqualTo(200);
            assertThat(reply.data()).contains(FailureInfo.operationFailed(missing));
            assertThat(reply.data()).filteredOn(ChannelInfo.class::isInstance)
                    .extracting(b -> ((ChannelInfo) b).uri()).containsExactly(lobby);
        }
    }

    @Test
    void anUnknownCommandGetsA501Reply() throws Exception {
        try (TestSipClient alice = connect(ALICE)) {
            Reply reply = alice.awaitReply(alice.command(new UnknownCommandData("cmd:frobnicate")));

            assertThat(reply.id()).isEqualTo("rpl:frobnicate");
            assertThat(reply.response().code()).isEqualTo(501);
            assertThat(reply.response().text()).contains("cmd:frobnicate");
        }
    }

    /** docs/chat-node.md: a refused post is reported as rpl:grpchat correlated with the post's envelope. */
    @Test
    void aTooLongPostIsAnsweredWithAnRplGrpchatError() throws Exception {
        try (TestSipClient alice = connect(ALICE)) {
            joined(alice, lobby);
            long envId = alice.post(lobby, "x".repeat(600));
            Reply reply = alice.awaitReply(envId);

            assertThat(reply.id()).isEqualTo("rpl:grpchat");
            assertThat(reply.response().code()).isEqualTo(413);
            assertThat(reply.response().text()).contains("600 characters").contains("messageSizeLimit 512");
            assertThat(alice.messages(lobby)).isEmpty();
        }
    }

    /** xccos.md §4.3: preferences are versioned by pref/@seqid; a stale write is a 409. */
    @Test
    void preferencesRoundTripWithVersions() throws Exception {
        String label = "kedzie.GroupChannels";
        try (TestSipClient alice = connect(ALICE)) {
            Reply first = alice.awaitReply(alice.command(new SetPreferencesData(List.of(new Preference(label,
                    OptionalLong.of(0), Optional.of(false), Optional.of("YWJj"))))));
            assertThat(first.data()).containsExactly(Preference.stored(label, 1, "YWJj"));

            Reply read = alice.awaitReply(alice.command(new GetPreferencesData(List.of(new Preference(label,
                    OptionalLong.of(1), Optional.of(true), Optional.empty())))));
            assertThat(read.data()).containsExactly(Preference.stored(label, 1, "YWJj"));

            Reply stale = alice.awaitReply(alice.command(new SetPreferencesData(List.of(new Preference(label,
                    OptionalLong.of(0), Optional.of(false), Optional.of("ZGVm"))))));
            assertThat(stale.response().code()).isEqualTo(409);
            assertThat(stale.response().text()).contains("version 1, not 0");
        }
    }

    /** xccos.md §4.11: an upload token names the file web service. */
    @Test
    void aFileUploadTokenIsIssuedForARoomTheUserMayPostIn() throws Exception {
        try (TestSipClient alice = connect(ALICE)) {
            Reply reply = alice.awaitReply(alice.command(new FileTokenData(FileTransfer.UPLOAD, lobby, "notes.txt")));

            assertThat(reply.id()).isEqualTo("rpl:getftok");
            FileToken token = (FileToken) reply.data().get(0);
            assertThat(UUID.fromString(token.token())).isNotNull();
            assertThat(token.serverUri()).endsWith("/PersistentChat/MGCWebService.asmx");
        }
    }

    /** xccos.md §4.4, §4.12: no invitations is an empty 200; a plain user may not create rooms. */
    @Test
    void invitationsAndCreatePermissionForAPlainUser() throws Exception {
        try (TestSipClient alice = connect(ALICE)) {
            Reply invitations = alice.awaitReply(alice.command(new GetInvitationsData(List.of())));
            Reply create = alice.awaitReply(alice.command(new CreateChildPermissionData()));

            assertThat(invitations.response().code()).isEqualTo(200);
            assertThat(invitations.data()).isEmpty();
            assertThat(create.response().code()).isEqualTo(403);
        }
    }

    @Test
    void anInviteToAnotherUriIsAnswered404() throws Exception {
        try (TestSipClient alice = new TestSipClient(ALICE, node.port())) {
            assertThat(alice.invite("sip:someone-else@example.com").getStatusCode()).isEqualTo(404);
        }
    }

    @Test
    void anUntrustedPeerIsAnswered403() throws Exception {
        restartNode(c -> c.withTrustedPeers(List.of("192.0.2.1")));
        try (TestSipClient alice = new TestSipClient(ALICE, node.port())) {
            assertThat(alice.invite(TestChatNode.CHAT_URI).getStatusCode()).isEqualTo(403);
        }
    }

    /** RFC 3261 §21.4.2, docs/chat-node.md: malformed XML gets 400 naming the problem; others are unaffected. */
    @Test
    void malformedXmlIsAnswered400AndTheNodeKeepsServing() throws Exception {
        try (TestSipClient alice = connect(ALICE); TestSipClient bob = connect(BOB)) {
            joined(bob, lobby);
            Response answer = alice.info("text/plain", "<xccos ver=\"1\" envid=\"1\" xmlns=\"urn:parlano:xml:ns:xccos\">"
                    + "<cmd id=\"cmd:join\"");

            assertThat(answer.getStatusCode()).isEqualTo(400);
            assertThat(answer.getReasonPhrase()).contains("malformed XCCOS XML");
            assertBothStillServed(alice, bob);
        }
    }

    /** ARCHITECTURE.md §6: a DOCTYPE (billion laughs, XXE) is refused with 400, never expanded. */
    @Test
    void hostileXmlIsAnswered400AndTheNodeKeepsServing() throws Exception {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE xccos [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                + "<xccos ver=\"1\" envid=\"1\" xmlns=\"urn:parlano:xml:ns:xccos\"><grpchat chanUri=\""
                + lobby.uri() + "\" author=\"" + ALICE + "\" ts=\"2024-01-01T00:00:00Z\"><chat>&c;</chat></grpchat>"
                + "</xccos>";
        try (TestSipClient alice = connect(ALICE); TestSipClient bob = connect(BOB)) {
            joined(alice, lobby);
            joined(bob, lobby);
            Response answer = alice.info("text/plain", laughs);

            assertThat(answer.getStatusCode()).isEqualTo(400);
            assertThat(answer.getReasonPhrase()).containsIgnoringCase("DOCTYPE");
            assertBothStillServed(alice, bob);
        }
    }

    /** RFC 3261 §21.4.13: a body that is not text/plain gets 415 with Accept: text/plain. */
    @Test
    void aWrongContentTypeIsAnswered415WithAccept() throws Exception {
        try (TestSipClient alice = connect(ALICE); TestSipClient bob = connect(BOB)) {
            joined(bob, lobby);
            Response answer = alice.info("application/xml", "<xccos/>");

            assertThat(answer.getStatusCode()).isEqualTo(415);
            AcceptHeader accept = (AcceptHeader) answer.getHeader(AcceptHeader.NAME);
            assertThat(accept.getContentType() + "/" + accept.getContentSubType()).isEqualTo("text/plain");
            assertBothStillServed(alice, bob);
        }
    }

    /** RFC 3261 §21.4.11: a body over xccos.body-limit gets 413 naming the sizes. */
    @Test
    void anOversizeBodyIsAnswered413() throws Exception {
        restartNode(c -> c.withXccosBodyLimit(4096));
        try (TestSipClient alice = connect(ALICE); TestSipClient bob = connect(BOB)) {
            joined(bob, lobby);
            String body = new XccosEncoder().encode(XccosEnvelope.of(7, GroupChat.of(
                    ChatMessage.of(lobby, ALICE, Instant.now(), "y".repeat(8000)))));
            Response answer = alice.info("text/plain", body);

            assertThat(answer.getStatusCode()).isEqualTo(413);
            assertThat(answer.getReasonPhrase()).contains("4096");
            assertBothStillServed(alice, bob);
        }
    }

    /** RFC 3261 §12.2.2: an INFO on a dialog that has ended gets 481. */
    @Test
    void anInfoOnADeadDialogIsAnswered481() throws Exception {
        try (TestSipClient alice = connect(ALICE); TestSipClient bob = connect(BOB)) {
            joined(alice, lobby);
            joined(bob, lobby);
            assertThat(alice.bye().getStatusCode()).isEqualTo(200);

            assertThat(alice.infoOnDeadDialog().getStatusCode()).isEqualTo(481);
            bob.post(lobby, "still here");
            await().untilAsserted(() -> assertThat(bob.messages(lobby)).extracting(ChatMessage::text)
                    .containsExactly("still here"));
        }
    }

    /** xccos.md §2.2, §10.5: a server INFO answered 487 drops that participant; the others hear it part. */
    @Test
    void aServerInfoAnswered487DropsThatParticipant() throws Exception {
        try (TestSipClient alice = connect(ALICE); TestSipClient bob = connect(BOB)) {
            joined(alice, lobby);
            joined(bob, lobby);
            bob.answerInfos(TestSipClient.InfoAnswer.REQUEST_TERMINATED);
            alice.post(lobby, "are you there?");

            Notice part = alice.awaitElement(Notice.class, n -> n.id().equals("ntc:part"));
            assertThat(((ChannelInfo) part.data().get(0)).users()).extracting(UserInfo::uri).containsExactly(BOB);
            await().untilAsserted(() -> assertThat(node.endpoint().sessionCount()).isEqualTo(1));
        }
    }

    /** xccos.md §11: a server INFO the client never answers drops that participant after 64*T1. */
    @Test
    void anUnansweredServerInfoDropsThatParticipant() throws Exception {
        restartNode(c -> c.withT1Millis(20));
        try (TestSipClient alice = connect(ALICE); TestSipClient bob = connect(BOB)) {
            joined(alice, lobby);
            joined(bob, lobby);
            bob.answerInfos(TestSipClient.InfoAnswer.SILENT);
            alice.post(lobby, "anyone?");

            Notice part = alice.awaitElement(Notice.class, n -> n.id().equals("ntc:part"));
            assertThat(((ChannelInfo) part.data().get(0)).users()).extracting(UserInfo::uri).containsExactly(BOB);
        }
    }

    /** docs/chat-node.md: a burst of join/part notices to a client that is behind skips notices, not the client. */
    @Test
    void aBurstOfNoticesToASlowClientSkipsNoticesAndKeepsItsSession() throws Exception {
        restartNode(c -> c.withOutboundQueueLimit(4));
        try (TestSipClient alice = connect(ALICE); TestSipClient bob = connect(BOB)) {
            joined(bob, lobby);
            bob.answerInfos(TestSipClient.InfoAnswer.SILENT);
            for (int i = 0; i < 6; i++) {
                joined(alice, lobby);
                Reply parted = alice.awaitReply(alice.command(PartData.of(lobby)));
                assertThat(parted.response().code()).isEqualTo(200);
            }
            joined(alice, lobby);
            alice.post(lobby, "posts still queue");
            await().untilAsserted(() -> assertThat(alice.messages(lobby)).extracting(ChatMessage::text)
                    .contains("posts still queue"));

            assertThat(node.endpoint().sessionCount()).as("bob kept his session").isEqualTo(2);
            assertThat(alice.notices("ntc:part")).as("nobody was dropped from the room").isEmpty();
        }
    }

    private void assertBothStillServed(TestSipClient alice, TestSipClient bob) throws Exception {
        Reply search = alice.awaitReply(alice.command(new ChannelSearchData(SearchQuery.byName(""))));
        assertThat(search.response().code()).isEqualTo(200);
        String text = "after the bad request " + UUID.randomUUID();
        bob.post(lobby, text);
        await().untilAsserted(() -> assertThat(bob.messages(lobby)).extracting(ChatMessage::text).contains(text));
    }
}
