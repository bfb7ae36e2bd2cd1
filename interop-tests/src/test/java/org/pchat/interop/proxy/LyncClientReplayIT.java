package org.pchat.interop.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.pchat.interop.support.CategoryDef;
import org.pchat.interop.support.ChannelInfo;
import org.pchat.interop.support.PchatProcess;
import org.pchat.interop.support.RandomNames;
import org.pchat.interop.support.RoomDef;
import org.pchat.interop.support.RoomUri;
import org.pchat.interop.support.XccosEnvelope;
import org.pchat.interop.support.XccosReply;
import org.pchat.interop.support.XccosWriter;

/**
 * Replays what a Lync-protocol client does (xccos.md §11, word by word) through the next-hop proxy to the chat
 * node, over one raw TCP connection with exactly its quirks: 407 on REGISTER answered over {@code uri="(null)"}
 * with the same CSeq and branch; the provisioning SUBSCRIBE; branch-less INVITE, ACK, INFO, UPDATE, BYE;
 * {@code cmd:requri}, BYE, a second INVITE to the channel URI, chansrch, join + bccontext, a post and its echo.
 */
class LyncClientReplayIT {
    private static final String PASSWORD = "lync-style";
    private static final String ROOM = RandomNames.of("lync");
    private static PchatProcess server;
    private static String alice;
    private final AtomicLong envids = new AtomicLong(139_132_350L);

    @BeforeAll
    static void provisionAndStart() {
        server = PchatProcess.builder("LyncClientReplayIT").build();
        alice = server.userUri(RandomNames.of("alice"));
        server.cli().migrate();
        server.cli().addUser(alice, PASSWORD);
        String category = RandomNames.of("lync");
        server.cli().newCategory(CategoryDef.forDomain(category, server.domain()));
        server.cli().newRoom(RoomDef.of(ROOM, category, RoomDef.Privacy.OPEN));
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private XccosReply command(LyncStyleClient.Session session, String id, XccosWriter.Content data)
            throws Exception {
        long envid = envids.addAndGet(2);
        RawSipMessage ok = session.send("INFO", "text/plain", XccosWriter.command(envid, id, data));
        assertThat(ok.status()).as("Expected 200 to the branch-less INFO carrying %s (but %s)", id, ok).isEqualTo(200);
        XccosEnvelope reply = session.awaitServerInfo(e -> e.replies().stream()
                .anyMatch(r -> r.commandEnvid() == envid), "the reply to " + id);
        return reply.replies().stream().filter(r -> r.commandEnvid() == envid).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("xccos.md §11: REGISTER 407 → same CSeq/branch with uri=\"(null)\" → 200 with what the client needs")
    void registerLikeTheLyncClient() throws Exception {
        try (LyncStyleClient client = new LyncStyleClient(server.ports().proxy(), alice, PASSWORD)) {
            LyncStyleClient.RegisterExchange exchange = client.register(3600);

            String challenge = exchange.challenge().header("Proxy-Authenticate").orElse("");
            assertThat(exchange.challenge().status()).as("Expected 407 first (but %s)", exchange.challenge())
                    .isEqualTo(407);
            assertThat(challenge).as("Expected a Digest qop=auth MD5 challenge (but '%s')", challenge)
                    .startsWith("Digest").contains("qop=\"auth\"").contains("algorithm=MD5");
            RawSipMessage ok = exchange.result();
            assertThat(ok.status()).as("Expected 200 to the retried REGISTER (but %s)", ok).isEqualTo(200);
            assertThat(ok.header("Expires").orElse("0")).as("Expected a non-zero Expires").isNotEqualTo("0");
            assertThat(ok.header("Supported")).as("Expected Supported: msrtc-event-categories")
                    .hasValue("msrtc-event-categories");
            assertThat(ok.header("Allow-Events")).as("Expected Allow-Events: vnd-microsoft-provisioning-v2")
                    .hasValue("vnd-microsoft-provisioning-v2");
        }
    }

    @Test
    @DisplayName("xccos.md §1.2, §11; [MS-SIPREGE] §2.2.2.5.11: provisioning names the persistent chat pool")
    void provisioningNamesThePool() throws Exception {
        try (LyncStyleClient client = new LyncStyleClient(server.ports().proxy(), alice, PASSWORD)) {
            assertThat(client.register(3600).result().status()).isEqualTo(200);

            RawSipMessage ok = client.subscribeProvisioning();

            assertThat(ok.status()).as("Expected 200 to the provisioning SUBSCRIBE (but %s)", ok).isEqualTo(200);
            assertThat(ok.header("ms-piggyback-cseq")).as("Expected ms-piggyback-cseq").isPresent();
            assertThat(ok.header("Event")).hasValue("vnd-microsoft-provisioning-v2");
            assertThat(ok.header("Subscription-State")).hasValue("terminated;expires=0");
            assertThat(ok.body()).as("Expected the persistentChatConfiguration group with the pool URI (but %s)",
                    ok.body()).contains("name=\"persistentChatConfiguration\"")
                    .contains("<property name=\"EnablePersistentChat\">true</property>")
                    .contains("<property name=\"DefaultPersistentChatPoolUri\">" + server.chatUri() + "</property>")
                    .contains("<property name=\"PersistentChatPoolUris\">" + server.chatUri() + "</property>");
        }
    }

    @Test
    @DisplayName("xccos.md §11: requri → BYE → second INVITE → chansrch → join + bccontext → post with echo")
    void wholeLyncClientSessionThroughTheProxy() throws Exception {
        try (LyncStyleClient client = new LyncStyleClient(server.ports().proxy(), alice, PASSWORD)) {
            assertThat(client.register(3600).result().status()).isEqualTo(200);
            RawSipMessage provisioning = client.subscribeProvisioning();
            String poolUri = provisioning.body().replaceAll("(?s).*<property name=\"DefaultPersistentChatPoolUri\">"
                    + "([^<]+)</property>.*", "$1");

            LyncStyleClient.Session lookup = client.invite(poolUri);
            assertThat(lookup.routes).as("Expected the proxy's Record-Route in the 200 to INVITE").isNotEmpty();
            XccosReply requri = command(lookup, "cmd:requri", XccosWriter.empty());
            assertThat(requri.userUris()).as("Expected data/uib/@uri in rpl:requri (but %s)", requri.describe())
                    .isNotEmpty();
            assertThat(lookup.send("BYE", null, "").status()).as("Expected 200 to the lookup BYE").isEqualTo(200);

            LyncStyleClient.Session channel = client.invite(requri.userUris().get(0));
            XccosReply search = command(channel, "cmd:chansrch", XccosWriter.searchQuery(ROOM));
            RoomUri room = search.channels().stream().filter(c -> c.name().equals(ROOM)).findFirst()
                    .map(ChannelInfo::roomUri).orElseThrow(() -> new AssertionError("Expected " + ROOM
                            + " in rpl:chansrch (but " + search.describe() + ")"));
            XccosReply join = command(channel, "cmd:join", XccosWriter.channelIds(java.util.List.of(room)));
            assertThat(join.code()).as("Expected resp 200 to cmd:join (but %s)", join.describe()).isEqualTo(200);
            XccosReply history = command(channel, "cmd:bccontext", XccosWriter.lastMessages(room, 25));
            assertThat(history.code()).as("Expected resp 200 to bccontext (but %s)", history.describe())
                    .isEqualTo(200);

            String text = RandomNames.of("lync-post");
            String ts = DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
            RawSipMessage posted = channel.send("INFO", "text/plain",
                    XccosWriter.groupChat(envids.addAndGet(2), room, alice, ts, text));
            assertThat(posted.status()).as("Expected 200 to the grpchat INFO (but %s)", posted).isEqualTo(200);
            XccosEnvelope echo = channel.awaitServerInfo(e -> e.groupChats().stream()
                    .anyMatch(g -> text.equals(g.text())), "the echo of the post");
            assertThat(echo.groupChats().get(0).author()).isEqualToIgnoringCase(alice);

            assertThat(channel.send("UPDATE", null, "").status()).as("Expected 200 to the body-less UPDATE")
                    .isEqualTo(200);
            assertThat(channel.send("BYE", null, "").status()).as("Expected 200 to BYE").isEqualTo(200);
            client.signOut();
        }
    }
}
