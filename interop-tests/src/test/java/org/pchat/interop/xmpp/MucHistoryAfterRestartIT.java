package org.pchat.interop.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.delay.DelayInformationManager;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jxmpp.jid.parts.Resourcepart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pchat.interop.support.CategoryDef;
import org.pchat.interop.support.PchatProcess;
import org.pchat.interop.support.RandomNames;
import org.pchat.interop.support.RoomDef;

/**
 * XEP-0045 §7.2.14 (discussion history on join) against pchat.jar: posts made over XMPP before the process
 * restarts are the history a new occupant gets after it, from the database, oldest first, each with a XEP-0203
 * delay stamp and the XEP-0359 stanza-id its live copy carried.
 */
class MucHistoryAfterRestartIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PASSWORD = "history-secret";
    private static final int POSTS = 5;
    private static final String ROOM = RandomNames.of("restart");

    private static PchatProcess node;
    private static String alice;
    private static String bob;

    @BeforeAll
    static void startNode() {
        node = PchatProcess.builder("MucHistoryAfterRestartIT").set("xmpp.allow-auth-without-tls", "true").build();
        alice = RandomNames.of("alice");
        bob = RandomNames.of("bob");
        node.cli().migrate();
        node.cli().addUser(node.userUri(alice), PASSWORD);
        node.cli().addUser(node.userUri(bob), PASSWORD);
        String category = RandomNames.of("history");
        node.cli().newCategory(CategoryDef.forDomain(category, node.domain()));
        node.cli().newRoom(RoomDef.of(ROOM, category, RoomDef.Privacy.OPEN));
        node.start();
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void xep0045Section7_2_14HistoryOnJoinAfterARestartComesFromTheDatabaseWithDelayAndStanzaIds() throws Exception {
        List<Message> live = new CopyOnWriteArrayList<>();
        Instant before = Instant.now().minusSeconds(1);
        try (SmackSessions first = new SmackSessions(node)) {
            MultiUserChat room = first.room(first.login(alice, PASSWORD), ROOM);
            room.addMessageListener(SmackSessions.bodies(live));
            room.join(Resourcepart.from("alice"));
            for (int i = 1; i <= POSTS; i++) {
                room.sendMessage("before restart " + i);
            }
            await().atMost(WAIT).until(() -> live.size() == POSTS);
        }

        node.restart();

        List<Message> history = new CopyOnWriteArrayList<>();
        try (SmackSessions second = new SmackSessions(node)) {
            MultiUserChat room = second.room(second.login(bob, PASSWORD), ROOM);
            room.addMessageListener(SmackSessions.bodies(history));
            room.join(Resourcepart.from("bob"));
            await().atMost(WAIT).until(() -> history.size() >= POSTS);
        }

        assertThat(history).extracting(Message::getBody).as("the posts made before the restart, oldest first")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, POSTS).mapToObj(i -> "before restart " + i)
                        .toList());
        assertThat(history).extracting(SmackSessions::stanzaId).as("the stanza-ids of their live copies")
                .doesNotContainNull().containsExactlyElementsOf(live.stream().map(SmackSessions::stanzaId).toList());
        assertThat(history).extracting(m -> m.getFrom().getResourceOrEmpty().toString()).as("from the author")
                .containsOnly(alice);
        assertThat(history).allSatisfy(m -> {
            DelayInformation delay = DelayInformationManager.getDelayInformation(m);
            assertThat(delay).as("a XEP-0203 delay on %s", m.getBody()).isNotNull();
            assertThat(delay.getStamp().toInstant()).as("the receipt time of %s", m.getBody())
                    .isAfter(before).isBefore(Instant.now());
        });
    }
}
