package org.pchat.server.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.pchat.server.domain.Privacy;

/** Message Archive Management (XEP-0313) on a room with result set paging (XEP-0059). */
class XmppMamIT {

    private static final Pattern RESULT_ID =
            Pattern.compile("<result xmlns=\"urn:xmpp:mam:2\" queryid=\"q\" id=\"(\\d+)\"");

    @TempDir
    Path dataDir;

    private TestXmppNode node;
    private SmackClients clients;

    @BeforeAll
    static void providers() {
        StanzaIdProvider.register();
    }

    @BeforeEach
    void start() throws Exception {
        node = TestXmppNode.start(dataDir);
        node.user("alice");
        node.user("bob");
        node.room("Archive", Privacy.OPEN, Set.of());
        clients = new SmackClients(node.port());
        MultiUserChat alice = MultiUserChatManager.getInstanceFor(clients.login("alice"))
                .getMultiUserChat(JidCreate.entityBareFrom("archive@conference.example.com"));
        alice.join(Resourcepart.from("alice"));
        List<Message> echo = new CopyOnWriteArrayList<>();
        alice.addMessageListener(m -> {
            if (m.getBody() != null) {
                echo.add(m);
            }
        });
        for (int i = 1; i <= 5; i++) {
            alice.sendMessage("m " + i);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> echo.size() == 5);
    }

    @AfterEach
    void stop() {
        clients.close();
        node.close();
    }

    @Test
    void xep0313Section4_3LastPageOfTheRoomArchiveIsTheNewestMessagesOldestFirst() throws Exception {
        try (RawXmppClient bob = new RawXmppClient(node.port())) {
            bob.loginPlain("bob", TestXmppNode.PASSWORD);
            bob.clear();

            String reply = bob.send(query("<max>2</max><before/>")).readUntil("</iq>");

            assertThat(ids(reply)).containsExactly("4", "5");
            assertThat(reply).contains("<body>m 4</body>").contains("<body>m 5</body>")
                    .contains("<fin xmlns=\"urn:xmpp:mam:2\" complete=\"false\">")
                    .contains("<first>4</first>").contains("<last>5</last>");
        }
    }

    @Test
    void xep0059Section2_5PagingBeforeAnIdReadsTheOlderMessages() throws Exception {
        try (RawXmppClient bob = new RawXmppClient(node.port())) {
            bob.loginPlain("bob", TestXmppNode.PASSWORD);
            bob.clear();

            String reply = bob.send(query("<max>10</max><before>4</before>")).readUntil("</iq>");

            assertThat(ids(reply)).containsExactly("1", "2", "3");
            assertThat(reply).contains("complete=\"true\"");
        }
    }

    @Test
    void xep0059Section2_2PagingAfterAnIdReadsTheNewerMessages() throws Exception {
        try (RawXmppClient bob = new RawXmppClient(node.port())) {
            bob.loginPlain("bob", TestXmppNode.PASSWORD);
            bob.clear();

            String reply = bob.send(query("<max>2</max><after>1</after>")).readUntil("</iq>");

            assertThat(ids(reply)).containsExactly("2", "3");
        }
    }

    private static String query(String rsm) {
        return "<iq type='set' id='mam1' to='archive@conference.example.com'><query xmlns='urn:xmpp:mam:2'"
                + " queryid='q'><set xmlns='http://jabber.org/protocol/rsm'>" + rsm + "</set></query></iq>";
    }

    private static List<String> ids(String reply) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = RESULT_ID.matcher(reply);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }
}
