package org.pchat.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchat.proxy.support.ClientDialog;
import org.pchat.proxy.support.FakeNode;
import org.pchat.proxy.support.ProxyFixture;
import org.pchat.proxy.support.SipText;
import org.pchat.proxy.support.SipUser;
import org.pchat.sip.RequestOutcome;

/**
 * Chat sessions through the proxy to a chat node (RFC 3261 §16, xccos.md §11): a Lync-style client on one TCP
 * connection, branch-less INVITE/ACK/INFO, Record-Route with the client's flow, node INFOs down the client's
 * own connection, provisioning.
 */
class ChatRoutingIT {

    static final String CHAT = "sip:ocschat@example.com";
    static final String SDP = "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=session\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=message 5061 sip null\r\n";

    private FakeNode node;
    private ProxyFixture fixture;

    @BeforeEach
    void start() {
        node = new FakeNode("node-a");
        fixture = new ProxyFixture(List.of(node.address()));
    }

    @AfterEach
    void stop() {
        fixture.close();
        node.close();
    }

    static ClientDialog invite(SipUser user, boolean branches) throws Exception {
        String callId = "chat-" + UUID.randomUUID();
        user.socket.send(user.request("INVITE", CHAT, callId, user.nextCseq(), branches ? SipUser.branch() : null,
                CHAT, null, "Supported: ms-sender", "application/sdp", SDP));
        SipText ok = user.socket.awaitFinal("INVITE");
        assertThat(ok.status()).as("INVITE answer: %s", ok).isEqualTo(200);
        ClientDialog dialog = new ClientDialog(user, callId, CHAT, ok, branches);
        user.socket.send(dialog.ack());
        return dialog;
    }

    @Test
    void provisioningSubscribeGetsThePersistentChatConfiguration_xccos11() throws Exception {
        try (SipUser alice = fixture.tcpUser("alice")) {
            assertThat(alice.registerLikeLync(3600).status()).isEqualTo(200);
            alice.socket.send(alice.request("SUBSCRIBE", alice.aor(), "prov-1", alice.nextCseq(), SipUser.branch(),
                    alice.aor(), null, "Event: vnd-microsoft-provisioning-v2\nAccept: "
                            + "application/vnd-microsoft-roaming-provisioning-v2+xml\nExpires: 0",
                    "application/vnd-microsoft-roaming-provisioning-v2+xml",
                    "<provisioningGroupList xmlns=\"http://schemas.microsoft.com/2006/09/sip/provisioninggrouplist\">"
                            + "<provisioningGroup name=\"persistentChatConfiguration\"/></provisioningGroupList>"));

            SipText ok = alice.socket.awaitFinal("SUBSCRIBE");

            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("Event")).hasValue("vnd-microsoft-provisioning-v2");
            assertThat(ok.header("ms-piggyback-cseq")).isPresent();
            assertThat(ok.header("Subscription-State")).hasValue("terminated;expires=0");
            assertThat(ok.header("Content-Type")).get().asString()
                    .isEqualTo("application/vnd-microsoft-roaming-provisioning-v2+xml");
            assertThat(ok.body()).contains("<provisionGroup name=\"persistentChatConfiguration\">")
                    .contains("<property name=\"EnablePersistentChat\">true</property>")
                    .contains("<property name=\"DefaultPersistentChatPoolUri\">" + CHAT + "</property>")
                    .contains("<property name=\"PersistentChatPoolUris\">" + CHAT + "</property>");
        }
    }

    @Test
    void otherEventPackagesGet489_rfc6665_4_2_2_1() throws Exception {
        try (SipUser alice = fixture.tcpUser("alice")) {
            alice.registerLikeLync(3600);
            alice.socket.send(alice.request("SUBSCRIBE", "sip:bob@example.com", "pres-1", alice.nextCseq(),
                    SipUser.branch(), "sip:bob@example.com", null, "Event: presence", null, null));

            SipText answer = alice.socket.awaitFinal("SUBSCRIBE");

            assertThat(answer.status()).isEqualTo(489);
            assertThat(answer.header("Allow-Events")).hasValue("vnd-microsoft-provisioning-v2");
        }
    }

    @Test
    void branchlessChatSessionGoesThroughTheProxyBothWays_rfc3261_16_6_xccos11() throws Exception {
        try (SipUser alice = fixture.tcpUser("alice")) {
            assertThat(alice.registerLikeLync(3600).status()).isEqualTo(200);
            ClientDialog dialog = invite(alice, false);
            assertThat(dialog.routeSet).hasSize(1);
            assertThat(dialog.routeSet.get(0)).contains(";lr").contains("ftok=");

            alice.socket.send(dialog.next("INFO", "text/plain", "<xccos>hello</xccos>"));
            assertThat(alice.socket.awaitFinal("INFO").status()).isEqualTo(200);

            SipText echo = alice.socket.awaitRequest("INFO");
            assertThat(echo.body()).isEqualTo("echo:<xccos>hello</xccos>");
            assertThat(echo.header("From")).get().asString().contains("ocschat@example.com");
            alice.socket.send(ClientDialog.ok(echo));
            await().atMost(Duration.ofSeconds(5)).until(() -> node.infoOutcomes.stream()
                    .anyMatch(RequestOutcome::isSuccess));

            alice.socket.send(dialog.next("BYE", null, null));
            assertThat(alice.socket.awaitFinal("BYE").status()).isEqualTo(200);
            assertThat(node.count("INFO")).isEqualTo(1);
        }
    }

    /**
     * RFC 3261 §16.11: the node's INFO down the client's flow leaves without a transaction, with a branch derived
     * from the node's (not numbered like a stateful branch), and each answer, 2xx or not, reaches the node by the
     * Via (§16.11 response processing).
     */
    @Test
    void nodeInfoToTheClientIsForwardedStatelesslyAndEachAnswerReachesTheNode_rfc3261_16_11() throws Exception {
        try (SipUser alice = fixture.tcpUser("alice")) {
            assertThat(alice.registerLikeLync(3600).status()).isEqualTo(200);
            ClientDialog dialog = invite(alice, true);

            alice.socket.send(dialog.next("INFO", "text/plain", "<xccos>one</xccos>"));
            assertThat(alice.socket.awaitFinal("INFO").status()).isEqualTo(200);
            SipText first = alice.socket.awaitRequest("INFO");
            alice.socket.send(ClientDialog.ok(first));
            await().atMost(Duration.ofSeconds(5)).until(() -> node.infoOutcomes.size() == 1);

            alice.socket.send(dialog.next("INFO", "text/plain", "<xccos>two</xccos>"));
            assertThat(alice.socket.awaitFinal("INFO").status()).isEqualTo(200);
            SipText second = alice.socket.awaitRequest("INFO");
            alice.socket.send(ClientDialog.ok(second).replace("SIP/2.0 200 OK", "SIP/2.0 486 Busy Here"));
            await().atMost(Duration.ofSeconds(5)).until(() -> node.infoOutcomes.size() >= 2);

            assertThat(List.of(first, second)).allSatisfy(info -> {
                assertThat(vias(info)).hasSize(2);
                assertThat(vias(info).get(0)).containsPattern("branch=z9hG4bK-pxy-[0-9a-f]+-s[0-9a-f]+$");
            });
            assertThat(vias(first).get(0)).isNotEqualTo(vias(second).get(0));
            assertThat(node.infoOutcomes.get(0)).isInstanceOf(RequestOutcome.Success.class);
            // a failed INFO is reported twice by the fake node: to its listener and to the sender's future
            assertThat(node.infoOutcomes.subList(1, node.infoOutcomes.size())).allSatisfy(outcome -> assertThat(
                    outcome).isInstanceOfSatisfying(RequestOutcome.Rejected.class,
                    rejected -> assertThat(rejected.statusCode()).isEqualTo(486)));
        }
    }

    /** The Via values in order, however they were folded into header lines. */
    private static List<String> vias(SipText message) {
        return message.headers("Via").stream().flatMap(line -> java.util.Arrays.stream(line.split(",")))
                .map(String::trim).toList();
    }

    @Test
    void unauthenticatedInviteIsChallenged_rfc3261_22_3() throws Exception {
        try (SipUser alice = fixture.udpUser("alice")) {
            alice.socket.send(alice.request("INVITE", CHAT, "c-" + UUID.randomUUID(), 1, SipUser.branch(), CHAT, null,
                    null, "application/sdp", SDP));

            assertThat(alice.socket.awaitFinal("INVITE").status()).isEqualTo(407);
            assertThat(node.invites.get()).isZero();
        }
    }

    @Test
    void maxForwardsZeroIsAnswered483_rfc3261_16_3_step3() throws Exception {
        try (SipUser alice = fixture.tcpUser("alice")) {
            alice.registerLikeLync(3600);
            alice.socket.send(alice.request("MESSAGE", CHAT, "mf-" + UUID.randomUUID(), alice.nextCseq(),
                    SipUser.branch(), CHAT, null, null, "text/plain", "hi").replace("Max-Forwards: 70",
                    "Max-Forwards: 0"));

            assertThat(alice.socket.awaitFinal("MESSAGE").status()).isEqualTo(483);
        }
    }

    @Test
    void noLiveNodeGets503WithRetryAfter_rfc3261_21_5_4() throws Exception {
        try (SipUser alice = fixture.tcpUser("alice")) {
            alice.registerLikeLync(3600);
            node.close();
            await().atMost(Duration.ofSeconds(5)).until(() -> fixture.proxy.nodes().stream().noneMatch(n -> n.up()));
            alice.socket.send(alice.request("INVITE", CHAT, "c-" + UUID.randomUUID(), alice.nextCseq(), null, CHAT,
                    null, null, "application/sdp", SDP));

            SipText answer = alice.socket.awaitFinal("INVITE");

            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.header("Retry-After")).isPresent();
        }
    }
}
