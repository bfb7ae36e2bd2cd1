package org.pchat.interop.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jxmpp.jid.parts.Resourcepart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.pchat.interop.support.CategoryDef;
import org.pchat.interop.support.ChatSessions;
import org.pchat.interop.support.PchatProcess;
import org.pchat.interop.support.RandomNames;
import org.pchat.interop.support.RoomDef;
import org.pchat.interop.support.RoomUri;
import org.pchat.interop.support.SipOutcome;
import org.pchat.interop.support.XccosGroupChat;
import org.pchat.interop.support.XccosReply;
import org.pchat.interop.support.XccosTestClient;

/**
 * One room, two protocols, against pchat.jar: a JAIN-SIP XCCOS client (straight to the chat node, xccos.md §2)
 * and a Smack client (XEP-0045) see each other's posts in the same order with the same ids (the XCCOS
 * {@code msgid} equals the XEP-0359 stanza-id), and each side sees the other enter and leave (XCCOS
 * {@code ntc:join}/{@code ntc:part}, xccos.md §4.8; MUC occupant presence, XEP-0045 §7.2.3 and §7.14).
 */
class CrossProtocolIT {

    /** The attribute carrying the per-room sequence number on XCCOS grpchat (docs/chat-node.md). */
    private static final String MESSAGE_ID = "msgid";
    private static final int POSTS_PER_SIDE = 20;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PASSWORD = "cross-secret";

    private static final String ORDER_ROOM = RandomNames.of("order");
    private static final String XMPP_PRESENCE_ROOM = RandomNames.of("xmpp-presence");
    private static final String SIP_PRESENCE_ROOM = RandomNames.of("sip-presence");

    private static PchatProcess node;
    private static String sipUser;
    private static String xmppUser;

    private ChatSessions sip;
    private SmackSessions xmpp;

    @BeforeAll
    static void startNode() {
        node = PchatProcess.builder("CrossProtocolIT").set("xmpp.allow-auth-without-tls", "true").build();
        sipUser = RandomNames.of("alice");
        xmppUser = RandomNames.of("bob");
        node.cli().migrate();
        node.cli().addUser(node.userUri(sipUser), PASSWORD);
        node.cli().addUser(node.userUri(xmppUser), PASSWORD);
        String category = RandomNames.of("cross");
        node.cli().newCategory(CategoryDef.forDomain(category, node.domain()));
        for (String room : List.of(ORDER_ROOM, XMPP_PRESENCE_ROOM, SIP_PRESENCE_ROOM)) {
            node.cli().newRoom(RoomDef.of(room, category, RoomDef.Privacy.OPEN));
        }
        node.start();
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @BeforeEach
    void clients() {
        sip = new ChatSessions(node);
        xmpp = new SmackSessions(node);
    }

    @AfterEach
    void closeClients() {
        xmpp.close();
        sip.close();
    }

    @Test
    @DisplayName("docs/xmpp.md (across protocols): interleaved SIP and XMPP posts reach both in one order, same ids")
    void interleavedPostsOfBothProtocolsArriveInTheSameOrderWithTheSameIdsOnBothSides() throws Exception {
        String roomName = ORDER_ROOM;
        XccosTestClient alice = sip.open(node.userUri(sipUser));
        RoomUri room = joinOverSip(alice, roomName);
        MultiUserChat bob = xmpp.room(xmpp.login(xmppUser, PASSWORD), roomName);
        List<Message> seenByBob = new CopyOnWriteArrayList<>();
        bob.addMessageListener(SmackSessions.bodies(seenByBob));
        bob.join(Resourcepart.from("bob"));

        CompletableFuture<Void> xmppPosts = CompletableFuture.runAsync(() -> {
            for (int i = 1; i <= POSTS_PER_SIDE; i++) {
                try {
                    bob.sendMessage("xmpp-" + i);
                } catch (Exception e) {
                    throw new IllegalStateException("cannot send xmpp-" + i, e);
                }
            }
        });
        for (int i = 1; i <= POSTS_PER_SIDE; i++) {
            SipOutcome info = alice.post(room, "sip-" + i).info();
            assertThat(info.status()).as("Expected 200 to the INFO carrying sip-%s (but %s)", i, info.describe())
                    .isEqualTo(200);
        }
        xmppPosts.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        int total = 2 * POSTS_PER_SIDE;
        await().atMost(WAIT).until(() -> postsIn(alice, room).size() >= total && seenByBob.size() >= total);

        List<XccosGroupChat> sipSide = postsIn(alice, room);
        List<String> sipTexts = sipSide.stream().map(XccosGroupChat::text).toList();
        List<String> xmppTexts = seenByBob.stream().map(Message::getBody).toList();
        assertThat(sipTexts).as("every post of both sides on the SIP side")
                .containsExactlyInAnyOrderElementsOf(expectedTexts());
        assertThat(xmppTexts).as("the XMPP side sees the posts in the SIP side's order")
                .containsExactlyElementsOf(sipTexts);
        assertThat(sipTexts.stream().filter(t -> t.startsWith("xmpp-")).toList()).as("XMPP posts in sent order")
                .containsExactlyElementsOf(texts("xmpp-"));
        assertThat(sipTexts.stream().filter(t -> t.startsWith("sip-")).toList()).as("SIP posts in sent order")
                .containsExactlyElementsOf(texts("sip-"));
        List<String> sipIds = sipSide.stream().map(g -> g.attribute(MESSAGE_ID).orElse(null)).toList();
        List<String> xmppIds = seenByBob.stream().map(SmackSessions::stanzaId).toList();
        assertThat(xmppIds).as("XEP-0359 stanza-ids equal the XCCOS msgids, post by post")
                .containsExactlyElementsOf(sipIds);
        long firstId = Long.parseLong(sipIds.get(0));
        assertThat(sipIds).as("consecutive room sequence numbers").containsExactlyElementsOf(
                IntStream.range(0, total).mapToObj(i -> Long.toString(firstId + i)).toList());
        assertThat(seenByBob).as("XMPP sees each post from the author's occupant JID").allSatisfy(m -> assertThat(
                m.getFrom().getResourceOrEmpty().toString())
                .isEqualTo(m.getBody().startsWith("sip-") ? sipUser : "bob"));
        assertThat(sipSide).as("SIP sees each post from the author's SIP URI").allSatisfy(g -> assertThat(
                g.author()).isEqualToIgnoringCase(node.userUri(g.text().startsWith("sip-") ? sipUser : xmppUser)));
    }

    @Test
    @DisplayName("xccos.md §4.8: an XMPP occupant entering and leaving is ntc:join and ntc:part for the SIP client")
    void xmppOccupantEnteringAndLeavingIsNtcJoinAndNtcPartForTheSipClient() throws Exception {
        String roomName = XMPP_PRESENCE_ROOM;
        XccosTestClient alice = sip.open(node.userUri(sipUser));
        RoomUri room = joinOverSip(alice, roomName);
        MultiUserChat bob = xmpp.room(xmpp.login(xmppUser, PASSWORD), roomName);

        bob.join(Resourcepart.from("bob"));
        alice.inbox().awaitJoined(node.userUri(xmppUser), room);
        bob.leave();

        alice.inbox().awaitParted(node.userUri(xmppUser), room);
    }

    @Test
    @DisplayName("XEP-0045 §7.2.3, §7.14: a SIP user joining and parting is occupant presence for the XMPP client")
    void sipUserJoiningAndPartingIsAvailableAndUnavailableOccupantPresenceForTheXmppClient() throws Exception {
        String roomName = SIP_PRESENCE_ROOM;
        MultiUserChat bob = xmpp.room(xmpp.login(xmppUser, PASSWORD), roomName);
        List<Presence> seenByBob = new CopyOnWriteArrayList<>();
        bob.addParticipantListener(seenByBob::add);
        bob.join(Resourcepart.from("bob"));
        XccosTestClient alice = sip.open(node.userUri(sipUser));

        RoomUri room = joinOverSip(alice, roomName);
        await().atMost(WAIT).until(() -> presenceOf(seenByBob, Presence.Type.available));
        assertThat(bob.getOccupants()).extracting(j -> j.getResourceOrEmpty().toString()).contains(sipUser);
        XccosReply part = alice.part(room);
        assertThat(part.code()).as("Expected resp 200 to cmd:part (but %s)", part.describe()).isEqualTo(200);

        await().atMost(WAIT).until(() -> presenceOf(seenByBob, Presence.Type.unavailable));
        await().atMost(WAIT).until(() -> bob.getOccupants().stream()
                .noneMatch(j -> j.getResourceOrEmpty().toString().equals(sipUser)));
    }

    private static boolean presenceOf(List<Presence> presences, Presence.Type type) {
        return presences.stream().anyMatch(p -> p.getType() == type
                && p.getFrom().getResourceOrEmpty().toString().equals(sipUser));
    }

    private static RoomUri joinOverSip(XccosTestClient client, String roomName) {
        RoomUri room = client.findRoom(roomName);
        XccosReply join = client.join(room);
        assertThat(join.code()).as("Expected resp 200 to cmd:join of %s (but %s)", roomName, join.describe())
                .isEqualTo(200);
        return room;
    }

    private static List<XccosGroupChat> postsIn(XccosTestClient client, RoomUri room) {
        return client.inbox().groupChats().stream().filter(g -> g.isIn(room)).toList();
    }

    private static List<String> texts(String prefix) {
        return IntStream.rangeClosed(1, POSTS_PER_SIDE).mapToObj(i -> prefix + i).toList();
    }

    private static List<String> expectedTexts() {
        return Stream.concat(texts("sip-").stream(), texts("xmpp-").stream()).toList();
    }
}
