package org.pchat.interop.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.pchat.interop.support.CategoryDef;
import org.pchat.interop.support.ClientOptions;
import org.pchat.interop.support.HostPort;
import org.pchat.interop.support.PchatProcess;
import org.pchat.interop.support.RandomNames;
import org.pchat.interop.support.RoomDef;
import org.pchat.interop.support.RoomUri;
import org.pchat.interop.support.SipAuthenticator;
import org.pchat.interop.support.SipOutcome;
import org.pchat.interop.support.XccosReply;
import org.pchat.interop.support.XccosTestClient;

/**
 * A chat session of two clients through the next-hop proxy to the chat node (client → proxy 5060 → node 5070 →
 * back): REGISTER with digest, INVITE the chat URI (Record-Routed, RFC 3261 §16.6 step 4), getserverinfo,
 * chansrch, join, bccontext, grpchat with echo and fan-out, part, BYE ([MS-OCSPROT] §2.5.21, xccos.md §2-§5).
 */
class ChatThroughProxyIT {
    private static final String PASSWORD = "through-proxy";
    private static final String ROOM = RandomNames.of("proxied");
    private static PchatProcess server;
    private static String alice;
    private static String bob;
    private final List<XccosTestClient> clients = new java.util.ArrayList<>();

    @BeforeAll
    static void provisionAndStart() {
        server = PchatProcess.builder("ChatThroughProxyIT").build();
        alice = server.userUri(RandomNames.of("alice"));
        bob = server.userUri(RandomNames.of("bob"));
        server.cli().migrate();
        server.cli().addUser(alice, PASSWORD);
        server.cli().addUser(bob, PASSWORD);
        String category = RandomNames.of("proxy");
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

    @AfterEach
    void closeClients() {
        clients.forEach(XccosTestClient::close);
        clients.clear();
    }

    private XccosTestClient registered(String userUri) {
        String username = userUri.substring("sip:".length());
        XccosTestClient client = XccosTestClient.start(ClientOptions.of(userUri,
                HostPort.loopback(server.ports().proxy())).withAuthenticator(SipAuthenticator.digest(username,
                PASSWORD)));
        clients.add(client);
        SipOutcome register = client.register(Duration.ofSeconds(600));
        assertThat(register.status()).as("Expected 200 to REGISTER through the proxy (but %s)", register.describe())
                .isEqualTo(200);
        return client;
    }

    @Test
    @DisplayName("RFC 3261 §16.6 step 4: the INVITE 200 carries the proxy's Record-Route (loose routing)")
    void inviteAnswerIsRecordRoutedByTheProxy() {
        XccosTestClient client = registered(alice);

        SipOutcome answer = client.invite(server.chatUri());

        assertThat(answer.status()).as("Expected 200 to INVITE %s through the proxy (but %s)", server.chatUri(),
                answer.describe()).isEqualTo(200);
        String recordRoute = answer.header("Record-Route").orElse("");
        assertThat(recordRoute).as("Expected a Record-Route naming the proxy port %s with lr (but got '%s')",
                server.ports().proxy(), recordRoute).contains(":" + server.ports().proxy()).contains(";lr");
    }

    @Test
    @DisplayName("[MS-OCSPROT] §2.5.21 through the proxy: two clients, getserverinfo … part, BYE")
    void wholeSessionOfTwoClientsThroughTheProxy() {
        XccosTestClient first = registered(alice);
        XccosTestClient second = registered(bob);
        assertThat(first.invite(server.chatUri()).status()).as("Expected alice's INVITE to succeed").isEqualTo(200);
        assertThat(second.invite(server.chatUri()).status()).as("Expected bob's INVITE to succeed").isEqualTo(200);

        assertThat(first.getServerInfo().code()).as("Expected getserverinfo to succeed").isEqualTo(200);
        RoomUri room = first.findRoom(ROOM);
        XccosReply join = first.join(room);
        assertThat(join.code()).as("Expected alice's join to succeed (but %s)", join.describe()).isEqualTo(200);
        assertThat(second.join(room).code()).as("Expected bob's join to succeed").isEqualTo(200);
        first.inbox().awaitJoined(bob, room);
        XccosReply history = first.bccontext(room, 25);
        assertThat(history.code()).as("Expected bccontext to succeed (but %s)", history.describe()).isEqualTo(200);

        String text = RandomNames.of("via-proxy");
        SipOutcome post = first.post(room, text).info();
        assertThat(post.status()).as("Expected 200 to the grpchat INFO (but %s)", post.describe()).isEqualTo(200);
        first.inbox().awaitPost(room, text);
        second.inbox().awaitPost(room, text);

        XccosReply part = first.part(room);
        assertThat(part.code()).as("Expected part to succeed (but %s)", part.describe()).isEqualTo(200);
        second.inbox().awaitParted(alice, room);
        assertThat(first.bye().status()).as("Expected 200 to alice's BYE").isEqualTo(200);
        assertThat(second.bye().status()).as("Expected 200 to bob's BYE").isEqualTo(200);
    }
}
