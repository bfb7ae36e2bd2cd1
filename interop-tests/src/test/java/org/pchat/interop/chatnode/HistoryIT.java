package org.pchat.interop.chatnode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * History ("backchat", xccos.md §4.9, §5.3; ARCHITECTURE.md §4, §6): posts read back after a reconnect, in
 * order, with the per-room sequence number the server adds; acknowledged posts survive a node restart.
 */
class HistoryIT {
    /**
     * The attribute carrying the server's per-room sequence number on {@code grpchat} and history {@code msg}.
     * The real Lync name is unknown (xccos.md §5.3); this server's choice is documented in docs/chat-node.md.
     */
    static final String MESSAGE_ID = "msgid";
    private static final int POSTS = 100;
    private static final int LAST = 25;
    private static final int DURABLE_POSTS = 30;

    private static PchatProcess node;
    private static String alice;
    private static String bob;
    private static final String HISTORY_ROOM = RandomNames.of("history");
    private static final String RESTART_ROOM = RandomNames.of("restart");
    private static RoomUri historyRoom;
    private static XccosReply lastAfterReconnect;

    @BeforeAll
    static void provisionStartAndPost() {
        node = PchatProcess.builder("HistoryIT").build();
        alice = node.userUri(RandomNames.of("alice"));
        bob = node.userUri(RandomNames.of("bob"));
        node.cli().migrate();
        node.cli().addUser(alice, "secret-alice");
        node.cli().addUser(bob, "secret-bob");
        String category = RandomNames.of("history");
        node.cli().newCategory(CategoryDef.forDomain(category, node.domain()));
        node.cli().newRoom(RoomDef.of(HISTORY_ROOM, category, RoomDef.Privacy.OPEN));
        node.cli().newRoom(RoomDef.of(RESTART_ROOM, category, RoomDef.Privacy.OPEN));
        node.start();

        try (ChatSessions first = new ChatSessions(node)) {
            XccosTestClient client = first.open(alice);
            historyRoom = client.findRoom(HISTORY_ROOM);
            client.join(historyRoom);
            for (int i = 1; i <= POSTS; i++) {
                SipOutcome ack = client.post(historyRoom, "post-" + i).info();
                assertThat(ack.status()).as("Expected 200 to grpchat post-%s (but %s)", i, ack.describe())
                        .isEqualTo(200);
            }
            client.inbox().awaitPost(historyRoom, "post-" + POSTS);
        }
        try (ChatSessions second = new ChatSessions(node)) {
            XccosTestClient client = second.open(alice);
            client.join(historyRoom);
            lastAfterReconnect = client.bccontext(historyRoom, LAST);
        }
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    @DisplayName("xccos.md §4.9: after reconnecting, bccontext last 25 succeeds with exactly 25 messages")
    void lastTwentyFiveAreReturned() {
        assertThat(lastAfterReconnect.code()).as("Expected resp 200 to cmd:bccontext (but %s)",
                lastAfterReconnect.describe()).isEqualTo(200);
        assertThat(lastAfterReconnect.history()).as("Expected %s messages in rpl:bccontext (but got %s)", LAST,
                lastAfterReconnect.history().size()).hasSize(LAST);
    }

    @Test
    @DisplayName("xccos.md §4.9: bccontext last 25 holds the newest 25 posts, oldest first (post-76 … post-100)")
    void lastTwentyFiveAreTheNewestOldestFirst() {
        List<String> expected = IntStream.rangeClosed(POSTS - LAST + 1, POSTS).mapToObj(i -> "post-" + i).toList();

        List<String> texts = lastAfterReconnect.history().stream().map(XccosGroupChat::text).toList();

        assertThat(texts).as("Expected %s in this order (but got %s)", expected, texts)
                .containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("xccos.md §5.3; docs/database.md: history messages carry gap-free, increasing sequence numbers")
    void historyMessagesCarryConsecutiveSequenceNumbers() {
        List<XccosGroupChat> history = lastAfterReconnect.history();
        List<Long> ids = new ArrayList<>();
        for (XccosGroupChat message : history) {
            String id = message.attribute(MESSAGE_ID).orElseThrow(() -> new AssertionError("Expected a " + MESSAGE_ID
                    + " attribute on every history msg (but '" + message.text() + "' has only " + message.attributes()
                    + ")"));
            ids.add(Long.parseLong(id));
        }

        List<Long> consecutive = ids.isEmpty() ? List.of()
                : IntStream.range(0, ids.size()).mapToObj(i -> ids.get(0) + i).toList();
        assertThat(ids).as("Expected consecutive sequence numbers oldest to newest (but got %s)", ids)
                .containsExactlyElementsOf(consecutive);
    }

    @Test
    @DisplayName("xccos.md §4.9; ARCHITECTURE.md §6: the history entries name the room, the author and a ts")
    void historyMessagesNameRoomAuthorAndTime() {
        assertThat(lastAfterReconnect.history()).as("Expected every msg with chanUri %s, author %s and a ts "
                + "(but got %s)", historyRoom, alice, lastAfterReconnect.history()).isNotEmpty()
                .allMatch(m -> m.isIn(historyRoom) && m.author().equalsIgnoreCase(alice) && !m.ts().isBlank());
    }

    @Test
    @DisplayName("ARCHITECTURE.md §4, §6: posts acknowledged (echoed) before a restart are all in history after it")
    void acknowledgedPostsSurviveRestart() {
        RoomUri room;
        List<String> acknowledged = new ArrayList<>();
        try (ChatSessions before = new ChatSessions(node)) {
            XccosTestClient client = before.open(bob);
            room = client.findRoom(RESTART_ROOM);
            client.join(room);
            for (int i = 1; i <= DURABLE_POSTS; i++) {
                String text = "durable-" + i;
                if (client.postAndAwait(room, text).accepted()) {
                    acknowledged.add(text);
                }
            }
        }
        assertThat(acknowledged).as("Expected every post to be acknowledged before the restart (but only %s were)",
                acknowledged).hasSize(DURABLE_POSTS);

        node.restart();

        XccosReply history;
        try (ChatSessions after = new ChatSessions(node)) {
            XccosTestClient client = after.open(bob);
            client.join(room);
            history = client.bccontext(room, DURABLE_POSTS);
        }
        List<String> texts = history.history().stream().map(XccosGroupChat::text).toList();
        assertThat(texts).as("Expected all %s acknowledged posts after the restart (but %s gave %s)", DURABLE_POSTS,
                history.describe(), texts).containsExactlyElementsOf(acknowledged);
    }
}
