package org.pchat.interop.chatnode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.pchat.interop.support.CategoryDef;
import org.pchat.interop.support.ChannelInfo;
import org.pchat.interop.support.ChatSessions;
import org.pchat.interop.support.InfoAnswer;
import org.pchat.interop.support.PchatProcess;
import org.pchat.interop.support.RandomNames;
import org.pchat.interop.support.RoomDef;
import org.pchat.interop.support.RoomUri;
import org.pchat.interop.support.SipOutcome;
import org.pchat.interop.support.XccosGroupChat;
import org.pchat.interop.support.XccosReply;
import org.pchat.interop.support.XccosTestClient;
import org.pchat.interop.support.XmlNode;

/**
 * A chat session end to end (xccos.md §2, §4, §5; [MS-OCSPROT] §2.5.21 flow): INVITE the chat URI, then
 * getserverinfo, chansrch, join, bccontext, grpchat, part and BYE in one dialog; and what a second participant
 * in the same room sees (ntc:join, grpchat, ntc:part). One node for the class; each test uses its own room.
 */
class ChatSessionIT {
    private static PchatProcess node;
    private static String alice;
    private static String bob;
    private static String carol;
    private static final String LOBBY = RandomNames.of("lobby");
    private static final String JOIN_ROOM = RandomNames.of("join-notice");
    private static final String POST_ROOM = RandomNames.of("fan-out");
    private static final String PART_ROOM = RandomNames.of("part-notice");
    private static final String BYE_ROOM = RandomNames.of("bye-leaves");
    private static final String DROP_ROOM = RandomNames.of("dead-dialog");

    private ChatSessions sessions;

    @BeforeAll
    static void provisionAndStart() {
        node = PchatProcess.builder("ChatSessionIT").build();
        alice = node.userUri(RandomNames.of("alice"));
        bob = node.userUri(RandomNames.of("bob"));
        carol = node.userUri(RandomNames.of("carol"));
        node.cli().migrate();
        for (String user : List.of(alice, bob, carol)) {
            node.cli().addUser(user, "secret-" + user.hashCode());
        }
        String category = RandomNames.of("sessions");
        node.cli().newCategory(CategoryDef.forDomain(category, node.domain()));
        for (String room : List.of(LOBBY, JOIN_ROOM, POST_ROOM, PART_ROOM, BYE_ROOM, DROP_ROOM)) {
            node.cli().newRoom(RoomDef.of(room, category, RoomDef.Privacy.OPEN));
        }
        node.start();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @BeforeEach
    void openSessions() {
        sessions = new ChatSessions(node);
    }

    @AfterEach
    void closeSessions() {
        sessions.close();
    }

    @Test
    @DisplayName("xccos.md §2.1, §11: INVITE to the chat URI is answered 200 with a To tag and a Contact")
    void inviteIsAnsweredWithToTagAndContact() {
        XccosTestClient client = sessions.idle(alice);

        SipOutcome answer = client.invite(node.chatUri());

        assertThat(answer.status()).as("Expected 200 to INVITE %s (but %s)", node.chatUri(), answer.describe())
                .isEqualTo(200);
        assertThat(answer.header("To").orElse("")).as("Expected a To tag in the 200 (but To was %s)",
                answer.header("To")).contains(";tag=");
        assertThat(answer.header("Contact")).as("Expected a Contact in the 200 (but it had none):%n%s",
                answer.message()).isPresent();
    }

    @Test
    @DisplayName("xccos.md §2.1, §10.1; RFC 4028 §9: the 200 to INVITE carries Session-Expires")
    void inviteAnswerCarriesSessionExpires() {
        XccosTestClient client = sessions.idle(alice);

        SipOutcome answer = client.invite(node.chatUri());

        String expires = answer.header("Session-Expires").orElse("");
        assertThat(expires).as("Expected Session-Expires: <seconds> in the 200 to INVITE (but got '%s')", expires)
                .matches("\\d+.*");
    }

    @Test
    @DisplayName("xccos.md §4.2: cmd:getserverinfo is answered with sib (rootUri, searchLimit, size limits)")
    void getServerInfoRepliesWithSib() {
        XccosTestClient client = sessions.open(alice);

        XccosReply reply = client.getServerInfo();

        assertThat(reply.code()).as("Expected resp 200 to cmd:getserverinfo (but %s)", reply.describe()).isEqualTo(200);
        assertThat(reply.id()).as("Expected rpl:getservinfo or rpl:getserverinfo (but got %s)", reply.id())
                .isIn("rpl:getservinfo", "rpl:getserverinfo");
        XmlNode sib = reply.serverInfo().orElseThrow(() -> new AssertionError(
                "Expected data/sib in " + reply.describe() + " (but there is none)"));
        assertThat(sib.attr("rootUri")).as("Expected sib/@rootUri ma-cat://%s/… (but got '%s')", node.domain(),
                sib.attr("rootUri")).startsWith("ma-cat://" + node.domain() + "/");
        assertThat(sib.attr("searchLimit")).as("Expected sib/@searchLimit 999, the default (but got '%s')",
                sib.attr("searchLimit")).isEqualTo("999");
        assertThat(sib.attr("messageSizeLimit")).as("Expected sib/@messageSizeLimit 512, the default (but got '%s')",
                sib.attr("messageSizeLimit")).isEqualTo("512");
    }

    @Test
    @DisplayName("xccos.md §4.1, §11: cmd:requri is answered with data/uib/@uri, the channel URI")
    void requriRepliesWithChannelUri() {
        XccosTestClient client = sessions.open(alice);

        XccosReply reply = client.requri();

        assertThat(reply.code()).as("Expected resp 200 to cmd:requri (but %s)", reply.describe()).isEqualTo(200);
        assertThat(reply.userUris()).as("Expected one data/uib/@uri sip:… in rpl:requri (but got %s)",
                reply.userUris()).singleElement().asString().startsWith("sip:");
    }

    @Test
    @DisplayName("xccos.md §4.10: cmd:chansrch by name lists the room as chanib with its ma-chan URI")
    void chansrchListsRoomByName() {
        XccosTestClient client = sessions.open(alice);

        XccosReply reply = client.chansrch(LOBBY);

        assertThat(reply.code()).as("Expected resp 200 to cmd:chansrch (but %s)", reply.describe()).isEqualTo(200);
        Optional<ChannelInfo> room = reply.channels().stream().filter(c -> c.name().equals(LOBBY)).findFirst();
        assertThat(room).as("Expected chanib name='%s' in rpl:chansrch (but got %s)", LOBBY,
                reply.channels().stream().map(ChannelInfo::name).toList()).isPresent();
        assertThat(room.get().uri()).as("Expected the room URI ma-chan://%s/… (but got %s)", node.domain(),
                room.get().uri()).startsWith("ma-chan://" + node.domain() + "/");
    }

    @Test
    @DisplayName("xccos.md §4.5: rpl:join carries the room's chanib and the joiner as a uib referenced by an aib")
    void joinRepliesWithRoomAndJoiner() {
        XccosTestClient client = sessions.open(alice);
        RoomUri room = client.findRoom(LOBBY);

        XccosReply reply = client.join(room);

        assertThat(reply.code()).as("Expected resp 200 to cmd:join (but %s)", reply.describe()).isEqualTo(200);
        ChannelInfo chanib = reply.channel(room).orElseThrow(() -> new AssertionError(
                "Expected data/chanib uri='" + room + "' in rpl:join (but got " + reply.channels() + ")"));
        assertThat(chanib.name()).as("Expected chanib/@name '%s' (but got '%s')", LOBBY, chanib.name())
                .isEqualTo(LOBBY);
        List<XmlNode> uibs = reply.data().children("uib");
        String aliceId = uibs.stream().filter(u -> u.attr("uri").equalsIgnoreCase(alice)).map(u -> u.attr("id"))
                .findFirst().orElseThrow(() -> new AssertionError("Expected data/uib uri='" + alice
                        + "' in rpl:join (but got " + reply.userUris() + ")"));
        assertThat(chanib.access()).as("Expected an aib listing uib id %s (but got %s)", aliceId, chanib.access())
                .anyMatch(aib -> List.of(aib.attr("value").split(",")).contains(aliceId));
    }

    @Test
    @DisplayName("xccos.md §9: joining a room already joined succeeds again and re-sends the state")
    void rejoinSucceeds() {
        XccosTestClient client = sessions.open(alice);
        RoomUri room = client.findRoom(LOBBY);
        client.join(room);

        XccosReply again = client.join(room);

        assertThat(again.code()).as("Expected resp 200 to a second cmd:join (but %s)", again.describe())
                .isEqualTo(200);
        assertThat(again.channel(room)).as("Expected chanib uri='%s' in the second rpl:join (but got %s)", room,
                again.channels()).isPresent();
    }

    @Test
    @DisplayName("xccos.md §5.1, §5.2: a grpchat is acknowledged with SIP 200 and echoed to its author")
    void postIsAcknowledgedAndEchoed() {
        XccosTestClient client = sessions.open(alice);
        RoomUri room = client.findRoom(LOBBY);
        client.join(room);
        String text = RandomNames.of("hello");

        SipOutcome ack = client.post(room, text).info();

        assertThat(ack.status()).as("Expected 200 to the grpchat INFO (but %s)", ack.describe()).isEqualTo(200);
        XccosGroupChat echo = client.inbox().awaitPost(room, text);
        assertThat(echo.author()).as("Expected the echo's author %s (but got %s)", alice, echo.author())
                .isEqualToIgnoringCase(alice);
        assertThat(echo.ts()).as("Expected a ts on the echoed grpchat (but it had none)").isNotBlank();
    }

    @Test
    @DisplayName("xccos.md §4.9: cmd:bccontext last n returns the room's posts as chanib/msg id=grpchat")
    void bccontextReturnsHistoryInsideChanib() {
        XccosTestClient client = sessions.open(alice);
        RoomUri room = client.findRoom(LOBBY);
        client.join(room);
        String text = RandomNames.of("history");
        client.post(room, text);
        client.inbox().awaitPost(room, text);

        XccosReply reply = client.bccontext(room, 25);

        assertThat(reply.code()).as("Expected resp 200 to cmd:bccontext (but %s)", reply.describe()).isEqualTo(200);
        assertThat(reply.channel(room)).as("Expected data/chanib uri='%s' in rpl:bccontext (but got %s)", room,
                reply.channels()).isPresent();
        assertThat(reply.history()).as("Expected msg '%s' by %s in rpl:bccontext (but got %s)", text, alice,
                reply.history()).anyMatch(m -> m.text().equals(text) && m.author().equalsIgnoreCase(alice));
    }

    @Test
    @DisplayName("xccos.md §4.7: rpl:part is 200 and names the room left")
    void partRepliesWithRoomUri() {
        XccosTestClient client = sessions.open(alice);
        RoomUri room = client.findRoom(LOBBY);
        client.join(room);

        XccosReply reply = client.part(room);

        assertThat(reply.code()).as("Expected resp 200 to cmd:part (but %s)", reply.describe()).isEqualTo(200);
        assertThat(reply.channel(room)).as("Expected data/chanib uri='%s' in rpl:part (but got %s)", room,
                reply.channels()).isPresent();
    }

    @Test
    @DisplayName("xccos.md §2.1, §11; RFC 4028 §7.4: a body-less UPDATE refreshing the session gets 200")
    void updateRefreshesSession() {
        XccosTestClient client = sessions.open(alice);

        SipOutcome answer = client.update();

        assertThat(answer.status()).as("Expected 200 to UPDATE (but %s)", answer.describe()).isEqualTo(200);
    }

    @Test
    @DisplayName("RFC 3261 §15.1.2: BYE ends the chat session with 200")
    void byeIsAnsweredWith200() {
        XccosTestClient client = sessions.open(alice);

        SipOutcome answer = client.bye();

        assertThat(answer.status()).as("Expected 200 to BYE (but %s)", answer.describe()).isEqualTo(200);
    }

    @Test
    @DisplayName("[MS-OCSPROT] §2.5.21, xccos.md §4-§5: getserverinfo … BYE in one dialog")
    void wholeSessionInOneDialog() {
        XccosTestClient client = sessions.open(alice);

        assertThat(client.getServerInfo().code()).as("Expected getserverinfo to succeed").isEqualTo(200);
        RoomUri room = client.findRoom(LOBBY);
        XccosReply join = client.join(room);
        assertThat(join.code()).as("Expected join to succeed (but %s)", join.describe()).isEqualTo(200);
        XccosReply history = client.bccontext(room, 25);
        assertThat(history.code()).as("Expected bccontext to succeed (but %s)", history.describe()).isEqualTo(200);
        String text = RandomNames.of("flow");
        SipOutcome post = client.post(room, text).info();
        assertThat(post.status()).as("Expected 200 to grpchat (but %s)", post.describe()).isEqualTo(200);
        client.inbox().awaitPost(room, text);
        XccosReply part = client.part(room);
        assertThat(part.code()).as("Expected part to succeed (but %s)", part.describe()).isEqualTo(200);
        SipOutcome bye = client.bye();
        assertThat(bye.status()).as("Expected 200 to BYE (but %s)", bye.describe()).isEqualTo(200);
    }

    @Test
    @DisplayName("xccos.md §4.8: a participant already in the room gets ntc:join for the newcomer")
    void joinIsNoticedToOthers() {
        XccosTestClient first = sessions.open(alice);
        XccosTestClient second = sessions.open(bob);
        RoomUri room = first.findRoom(JOIN_ROOM);
        first.join(room);

        XccosReply join = second.join(room);

        assertThat(join.code()).as("Expected resp 200 to bob's cmd:join (but %s)", join.describe()).isEqualTo(200);
        first.inbox().awaitJoined(bob, room);
        assertThat(join.userUris()).as("Expected bob's rpl:join to list alice, already in the room (but got %s)",
                join.userUris()).anyMatch(u -> u.equalsIgnoreCase(alice));
    }

    @Test
    @DisplayName("xccos.md §5.2: a post reaches every participant, the author included")
    void postReachesEveryParticipant() {
        XccosTestClient first = sessions.open(alice);
        XccosTestClient second = sessions.open(bob);
        RoomUri room = first.findRoom(POST_ROOM);
        first.join(room);
        second.join(room);
        String text = RandomNames.of("fan-out");

        SipOutcome ack = second.post(room, text).info();

        assertThat(ack.status()).as("Expected 200 to bob's grpchat (but %s)", ack.describe()).isEqualTo(200);
        XccosGroupChat delivered = first.inbox().awaitPost(room, text);
        assertThat(delivered.author()).as("Expected author %s on alice's copy (but got %s)", bob, delivered.author())
                .isEqualToIgnoringCase(bob);
        second.inbox().awaitPost(room, text);
    }

    @Test
    @DisplayName("xccos.md §4.8: the remaining participants get ntc:part when someone leaves")
    void partIsNoticedToOthers() {
        XccosTestClient first = sessions.open(alice);
        XccosTestClient second = sessions.open(bob);
        RoomUri room = first.findRoom(PART_ROOM);
        first.join(room);
        second.join(room);

        second.part(room);

        first.inbox().awaitParted(bob, room);
    }

    @Test
    @DisplayName("xccos.md §4.8; RFC 3261 §15: ending the session with BYE leaves its rooms (ntc:part to others)")
    void byeLeavesRooms() {
        XccosTestClient first = sessions.open(alice);
        XccosTestClient second = sessions.open(bob);
        RoomUri room = first.findRoom(BYE_ROOM);
        first.join(room);
        second.join(room);

        second.bye();

        first.inbox().awaitParted(bob, room);
    }

    @Test
    @DisplayName("xccos.md §2.2, §10.5: a participant that answers a server INFO with 487 is dropped (ntc:part)")
    void participantRefusingServerInfoIsDropped() {
        XccosTestClient first = sessions.open(alice);
        XccosTestClient stale = sessions.open(carol);
        RoomUri room = first.findRoom(DROP_ROOM);
        first.join(room);
        stale.join(room);
        stale.answerServerInfosWith(InfoAnswer.REQUEST_TERMINATED);

        first.post(room, RandomNames.of("wake-up"));

        first.inbox().awaitParted(carol, room);
        assertThat(stale.refusedServerInfos()).as("Expected carol to have refused the grpchat INFO (but she refused "
                + "%s INFOs)", stale.refusedServerInfos()).isPositive();
    }
}
