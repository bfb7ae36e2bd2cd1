package org.pchat.server.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
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

    /** Collects the messages with a body (the subject message has none). */
    private static MessageListener bodies(List<Message> into) {
        return message -> {
            if (message.getBody() != null) {
                into.add(message);
            }
        };
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
