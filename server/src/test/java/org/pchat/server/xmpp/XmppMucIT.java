package org.pchat.server.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.delay.DelayInformationManager;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smack.MessageListener;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.pchat.server.chat.RoomEvent;
import org.pchat.server.domain.Privacy;

/** Multi-User Chat (XEP-0045) on our rooms with Smack clients. */
class XmppMucIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    private TestXmppNode node;
    private SmackClients clients;

    @BeforeAll
    static void providers() {
        StanzaIdProvider.register();
    }

    @BeforeEach
    void start() {
        node = TestXmppNode.start(dataDir);
        node.user("alice");
        node.user("bob");
        clients = new SmackClients(node.port());
    }

    @AfterEach
    void stop() {
        clients.close();
        node.close();
    }

    @Test
    void xep0045Section7_2TwoOccupantsSeeEachOtherAndTheirMessagesInOrderWithXep0359StanzaIds() throws Exception {
        node.room("Lobby", Privacy.OPEN, Set.of());
        MultiUserChat alice = muc(clients.login("alice"), "lobby");
        MultiUserChat bob = muc(clients.login("bob"), "lobby");
        List<Message> seenByBob = new CopyOnWriteArrayList<>();
        bob.addMessageListener(bodies(seenByBob));
        alice.join(Resourcepart.from("alice"));
        bob.join(Resourcepart.from("bob"));

        await().atMost(WAIT).until(() -> alice.getOccupants().size() == 2);
        assertThat(bob.getOccupants()).extracting(j -> j.getResourceOrEmpty().toString())
                .containsExactlyInAnyOrder("alice", "bob");

        for (int i = 1; i <= 3; i++) {
            alice.sendMessage("hello " + i);
        }
        await().atMost(WAIT).until(() -> seenByBob.size() == 3);
        assertThat(seenByBob).extracting(Message::getBody).containsExactly("hello 1", "hello 2", "hello 3");
        assertThat(seenByBob).extracting(m -> m.getFrom().toString())
                .containsOnly("lobby@conference.example.com/alice");
        assertThat(seenByBob).extracting(XmppMucIT::stanzaId).containsExactly("1", "2", "3");
    }

    @Test
    void xep0045Section7_2_14HistoryOnJoinComesFromTheDatabaseWithXep0203Delay() throws Exception {
        node.room("Archive", Privacy.OPEN, Set.of());
        MultiUserChat alice = muc(clients.login("alice"), "archive");
        alice.join(Resourcepart.from("alice"));
        List<Message> echo = new CopyOnWriteArrayList<>();
        alice.addMessageListener(bodies(echo));
        for (int i = 1; i <= 4; i++) {
            alice.sendMessage("old " + i);
        }
        await().atMost(WAIT).until(() -> echo.size() == 4);

        MultiUserChat bob = muc(clients.login("bob"), "archive");
        List<Message> history = new CopyOnWriteArrayList<>();
        bob.addMessageListener(bodies(history));
        bob.join(bob.getEnterConfigurationBuilder(Resourcepart.from("bob")).requestMaxStanzasHistory(2).build());

        await().atMost(WAIT).until(() -> history.size() == 2);
        assertThat(history).extracting(Message::getBody).containsExactly("old 3", "old 4");
        assertThat(history).allSatisfy(m -> assertThat(DelayInformationManager.getDelayInformation(m)).isNotNull());
        assertThat(history).extracting(XmppMucIT::stanzaId).containsExactly("3", "4");
    }

    @Test
    void xep0045Section7_2_15SubjectIsTheRoomTopic() throws Exception {
        node.room("Topical", Privacy.OPEN, Set.of());
        MultiUserChat alice = muc(clients.login("alice"), "topical");

        alice.join(Resourcepart.from("alice"));

        await().atMost(WAIT).until(() -> "About Topical".equals(alice.getSubject()));
    }

    @Test
    void xep0106RoomNamesWithSpacesAndCapitalsAreEscapedRoomJids() throws Exception {
        node.room("Team Chat", Privacy.OPEN, Set.of());
        XMPPTCPConnection connection = clients.login("alice");

        List<String> rooms = MultiUserChatManager.getInstanceFor(connection)
                .getRoomsHostedBy(JidCreate.domainBareFrom("conference.example.com")).keySet().stream()
                .map(Object::toString).toList();
        MultiUserChat chat = MultiUserChatManager.getInstanceFor(connection)
                .getMultiUserChat(JidCreate.entityBareFrom("team\\20chat@conference.example.com"));
        chat.join(Resourcepart.from("alice"));

        assertThat(rooms).containsExactly("team\\20chat@conference.example.com");
        assertThat(chat.isJoined()).isTrue();
    }

    @Test
    void xep0045Section6_3SecretRoomIsAbsentFromDiscoItemsForANonMember() throws Exception {
        node.room("Open One", Privacy.OPEN, Set.of());
        node.room("Hush", Privacy.SECRET, Set.of("sip:bob@example.com"));

        List<String> forAlice = roomsSeenBy(clients.login("alice"));
        List<String> forBob = roomsSeenBy(clients.login("bob"));

        assertThat(forAlice).containsExactly("open\\20one@conference.example.com");
        assertThat(forBob).contains("hush@conference.example.com");
    }

    @Test
    void xep0045Section6_4SecretRoomIsHiddenAndMembersOnly() throws Exception {
        node.room("Hush", Privacy.SECRET, Set.of("sip:bob@example.com"));
        XMPPTCPConnection bob = clients.login("bob");

        DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(bob)
                .discoverInfo(JidCreate.entityBareFrom("hush@conference.example.com"));

        assertThat(info.containsFeature("muc_hidden")).isTrue();
        assertThat(info.containsFeature("muc_membersonly")).isTrue();
    }

    @Test
    void xep0045Section7_2_6JoiningAnInvisibleRoomIsItemNotFound() throws Exception {
        node.room("Hush", Privacy.SECRET, Set.of("sip:bob@example.com"));
        MultiUserChat alice = muc(clients.login("alice"), "hush");

        assertThatThrownBy(() -> alice.join(Resourcepart.from("alice")))
                .isInstanceOfSatisfying(XMPPException.XMPPErrorException.class, e -> assertThat(
                        e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.item_not_found));
    }

    @Test
    void xep0045Section7_2_7JoiningAClosedRoomAsNonMemberIsRegistrationRequired() throws Exception {
        node.room("Board", Privacy.CLOSED, Set.of("sip:bob@example.com"));
        MultiUserChat alice = muc(clients.login("alice"), "board");

        assertThatThrownBy(() -> alice.join(Resourcepart.from("alice")))
                .isInstanceOfSatisfying(XMPPException.XMPPErrorException.class, e -> assertThat(
                        e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.registration_required));
    }

    @Test
    void xep0045Section7_14LeavingIsSeenByTheOtherOccupants() throws Exception {
        node.room("Lobby", Privacy.OPEN, Set.of());
        MultiUserChat alice = muc(clients.login("alice"), "lobby");
        MultiUserChat bob = muc(clients.login("bob"), "lobby");
        alice.join(Resourcepart.from("alice"));
        bob.join(Resourcepart.from("bob"));
        await().atMost(WAIT).until(() -> alice.getOccupants().size() == 2);

        bob.leave();

        await().atMost(WAIT).until(() -> alice.getOccupants().size() == 1);
    }

    /**
     * XEP-0045 §7.14 then §7.2: a leave and the re-join under the same nickname, written together so that the
     * join reaches the endpoint while the part is still queued on the room lane, 50 times: every leave is
     * reflected (unavailable, 110) and every join answered with the available self-presence (110), in order.
     */
    @Test
    void xep0045Section7_14ARejoinRightAfterLeavingIsAlwaysAnswered() throws Exception {
        node.room("Lobby", Privacy.OPEN, Set.of());
        try (RawXmppClient raw = new RawXmppClient(node.port())) {
            raw.loginPlain("alice", TestXmppNode.PASSWORD);
            raw.clear();
            raw.send(join("lobby", "j0")).readUntilCount(SELF, 1);

            for (int i = 1; i <= 50; i++) {
                raw.send(leave("lobby", "l" + i) + join("lobby", "j" + i)).readUntilCount(SELF, 1 + 2 * i);
            }

            assertThat(selfPresences(raw.received())).hasSize(101)
                    .allSatisfy(p -> assertThat(p).contains("from=\"lobby@conference.example.com/nick-one\""))
                    .extracting(p -> p.contains("type=\"unavailable\""))
                    .containsExactlyElementsOf(alternating(101));
            assertThat(raw.received()).doesNotContain("type=\"error\"");
        }
    }

    /**
     * The same for a room the re-joining user has just created (XEP-0045 §10.1, still locked: its owner may
     * enter), the sequence of the Smack suite's leave test.
     */
    @Test
    void xep0045Section10_1TheCreatorRejoinsItsLockedRoomRightAfterLeavingIt() throws Exception {
        try (RawXmppClient raw = new RawXmppClient(node.port())) {
            raw.loginPlain("alice", TestXmppNode.PASSWORD);
            raw.clear();
            for (int i = 1; i <= 20; i++) {
                String room = "leave-" + i;
                raw.send(join(room, "c" + i)).readUntilCount(SELF, 3 * i - 2);

                raw.send(leave(room, "l" + i) + join(room, "j" + i)).readUntilCount(SELF, 3 * i);
            }

            assertThat(selfPresences(raw.received())).hasSize(60)
                    .extracting(p -> p.contains("type=\"unavailable\""))
                    .containsExactlyElementsOf(IntStream.range(0, 60).mapToObj(n -> n % 3 == 1)
                            .toList());
            assertThat(raw.received()).doesNotContain("type=\"error\"");
        }
    }

    /** Collects the messages with a body (the subject message has none). */
    @Test
    void xep0045Section5_1AuditoriumPresentersHaveVoiceAndEveryoneElseIsAVisitor() throws Exception {
        node.auditorium("Keynote", Set.of("sip:bob@example.com"));
        MultiUserChat alice = muc(clients.login("alice"), "keynote");
        MultiUserChat bob = muc(clients.login("bob"), "keynote");
        List<Message> seenByAlice = new CopyOnWriteArrayList<>();
        alice.addMessageListener(bodies(seenByAlice));
        bob.join(Resourcepart.from("bob"));
        alice.join(Resourcepart.from("alice"));
        await().atMost(WAIT).until(() -> bob.getOccupants().size() == 2);

        assertThat(bob.getOccupant(JidCreate.entityFullFrom("keynote@conference.example.com/alice")).getRole())
                .isEqualTo(org.jivesoftware.smackx.muc.MUCRole.visitor);
        assertThat(alice.getOccupant(JidCreate.entityFullFrom("keynote@conference.example.com/bob")).getRole())
                .isEqualTo(org.jivesoftware.smackx.muc.MUCRole.participant);
        bob.sendMessage("from the stage");
        await().atMost(WAIT).until(() -> seenByAlice.size() == 1);
        Message refused = alice.getXmppConnection().getStanzaFactory().buildMessageStanza()
                .to(JidCreate.entityBareFrom("keynote@conference.example.com")).ofType(Message.Type.groupchat)
                .setBody("from the floor").build();
        org.jivesoftware.smack.StanzaCollector errors = alice.getXmppConnection().createStanzaCollectorAndSend(
                new org.jivesoftware.smack.filter.StanzaIdFilter(refused.getStanzaId()), refused);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> errors.nextResultOrThrow(WAIT.toMillis()))
                .isInstanceOfSatisfying(org.jivesoftware.smack.XMPPException.XMPPErrorException.class,
                        e -> assertThat(e.getStanzaError().getCondition())
                                .isEqualTo(org.jivesoftware.smack.packet.StanzaError.Condition.forbidden));
        assertThat(seenByAlice).extracting(Message::getBody).containsExactly("from the stage");
    }

    private static MessageListener bodies(List<Message> into) {
        return message -> {
            if (message.getBody() != null) {
                into.add(message);
            }
        };
    }

    /**
     * XEP-0045 §7.2.3: "the service MUST send presence from all the existing participants' occupant JIDs to the
     * new occupant's full JID" and then, last, the self-presence with status 110, carrying each occupant's role
     * (the Smack suite's mucJoinPresenceInformationTest, whose listener races with join(); see
     * SmackIntegrationSuiteIT). Read as bytes off the wire, so the order is the server's.
     */
    @Test
    void xep0045Section7_2_3ANewOccupantGetsEveryExistingOccupantBeforeItsSelfPresence() throws Exception {
        node.room("Lobby", Privacy.OPEN, Set.of());
        node.user("carol");
        MultiUserChat alice = muc(clients.login("alice"), "lobby");
        MultiUserChat bob = muc(clients.login("bob"), "lobby");
        alice.join(Resourcepart.from("alice"));
        bob.join(Resourcepart.from("bob"));
        await().atMost(WAIT).until(() -> alice.getOccupants().size() == 2);

        try (RawXmppClient raw = new RawXmppClient(node.port())) {
            raw.loginPlain("carol", TestXmppNode.PASSWORD);
            raw.clear();
            raw.send(join("lobby", "j1")).readUntilCount(SELF, 1);

            List<String> presences = Arrays.stream(raw.received().split("(?=<presence )"))
                    .filter(p -> p.startsWith("<presence ")).toList();
            assertThat(presences).hasSize(3);
            assertThat(presences.subList(0, 2)).extracting(XmppMucIT::fromAttribute).containsExactlyInAnyOrder(
                    "lobby@conference.example.com/alice", "lobby@conference.example.com/bob");
            assertThat(presences.subList(0, 2)).allSatisfy(p -> assertThat(p)
                    .contains("http://jabber.org/protocol/muc#user").contains("role=\"participant\"")
                    .doesNotContain(SELF));
            assertThat(presences.get(2)).contains(SELF).contains("role=\"participant\"");
            assertThat(fromAttribute(presences.get(2))).isEqualTo("lobby@conference.example.com/nick-one");
        }
    }

    private static String fromAttribute(String stanza) {
        java.util.regex.Matcher from = java.util.regex.Pattern.compile("from=[\"']([^\"']*)[\"']").matcher(stanza);
        return from.find() ? from.group(1) : null;
    }

    @Test
    void xep0045Section7_2_3EchoToTheAuthorCarriesTheIdItsClientSent() throws Exception {
        node.room("Lobby", Privacy.OPEN, Set.of());
        XMPPTCPConnection connection = clients.login("alice");
        MultiUserChat alice = muc(connection, "lobby");
        List<Message> echo = new CopyOnWriteArrayList<>();
        alice.addMessageListener(bodies(echo));
        alice.join(Resourcepart.from("alice"));

        connection.sendStanza(StanzaBuilder.buildMessage("client-id-1")
                .to(JidCreate.entityBareFrom("lobby@conference.example.com"))
                .ofType(Message.Type.groupchat)
                .setBody("with my id")
                .build());

        await().atMost(WAIT).until(() -> echo.size() == 1);
        assertThat(echo.get(0).getStanzaId()).isEqualTo("client-id-1");
    }

    @Test
    void architectureSection1ASipSideUserAndAnXmppUserChatInOneRoom() throws Exception {
        UUID lobby = node.room("Lobby", Privacy.OPEN, Set.of());
        CoreParticipant carol = new CoreParticipant("sip:carol@example.com");
        CoreParticipant.join(node.chat(), carol, lobby);
        MultiUserChat alice = muc(clients.login("alice"), "lobby");
        List<Message> seen = new CopyOnWriteArrayList<>();
        alice.addMessageListener(bodies(seen));
        alice.join(Resourcepart.from("alice"));

        CoreParticipant.post(node.chat(), carol, lobby, "hi from SIP");
        alice.sendMessage("hi from XMPP");

        await().atMost(WAIT).until(() -> seen.size() == 2);
        assertThat(seen).extracting(m -> m.getFrom().toString() + ": " + m.getBody()).containsExactly(
                "lobby@conference.example.com/carol: hi from SIP", "lobby@conference.example.com/alice: hi from XMPP");
        assertThat(alice.getOccupants()).extracting(j -> j.getResourceOrEmpty().toString()).contains("carol");
        await().atMost(WAIT).until(() -> carol.events().stream().anyMatch(e -> e instanceof RoomEvent.Posted p
                && p.message().text().equals("hi from XMPP")
                && p.message().authorUri().equals("sip:alice@example.com")));
    }

    private static final String SELF = "code=\"110\"";

    private static String join(String room, String id) {
        return "<presence id='" + id + "' to='" + room + "@conference.example.com/nick-one'>"
                + "<x xmlns='http://jabber.org/protocol/muc'><history maxstanzas='0'/></x></presence>";
    }

    private static String leave(String room, String id) {
        return "<presence id='" + id + "' type='unavailable' to='" + room + "@conference.example.com/nick-one'/>";
    }

    /** The presences carrying status 110 (to the occupant itself), in the order received. */
    private static List<String> selfPresences(String received) {
        return Arrays.stream(received.split("(?=<presence )")).filter(p -> p.contains(SELF)).toList();
    }

    /** available, unavailable, available, … ({@code true} for unavailable). */
    private static List<Boolean> alternating(int count) {
        return IntStream.range(0, count).mapToObj(n -> n % 2 == 1).toList();
    }

    private static List<String> roomsSeenBy(XMPPTCPConnection connection) throws Exception {
        return MultiUserChatManager.getInstanceFor(connection)
                .getRoomsHostedBy(JidCreate.domainBareFrom("conference.example.com")).keySet().stream()
                .map(Object::toString).sorted().toList();
    }

    private static MultiUserChat muc(XMPPTCPConnection connection, String local) throws Exception {
        return MultiUserChatManager.getInstanceFor(connection)
                .getMultiUserChat(JidCreate.entityBareFrom(local + "@conference.example.com"));
    }

    private static String stanzaId(Message message) {
        StandardExtensionElement id = (StandardExtensionElement) message.getExtensionElement("stanza-id",
                "urn:xmpp:sid:0");
        return id == null ? null : id.getAttributeValue("id");
    }
}
