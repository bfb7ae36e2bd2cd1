package org.pchat.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchat.proxy.pool.NodeState;
import org.pchat.proxy.support.ClientDialog;
import org.pchat.proxy.support.FakeNode;
import org.pchat.proxy.support.ProxyFixture;
import org.pchat.proxy.support.SipText;
import org.pchat.proxy.support.SipUser;

/**
 * Two chat nodes behind one proxy: sessions are spread by load, a node that stops answering OPTIONS leaves the
 * pool within the health-check interval, new sessions land on the survivor, and in-dialog requests for the dead
 * node get 481 (RFC 3261 §12.2.2) so clients start over.
 */
class PoolFailoverIT {

    private FakeNode nodeA;
    private FakeNode nodeB;
    private ProxyFixture fixture;
    private final List<SipUser> users = new ArrayList<>();

    @BeforeEach
    void start() {
        nodeA = new FakeNode("node-a");
        nodeB = new FakeNode("node-b");
        fixture = new ProxyFixture(List.of(nodeA.address(), nodeB.address()));
        await().atMost(Duration.ofSeconds(5)).until(() -> fixture.proxy.nodes().stream().allMatch(NodeState::up));
    }

    @AfterEach
    void stop() throws Exception {
        for (SipUser user : users) {
            user.close();
        }
        fixture.close();
        nodeA.close();
        nodeB.close();
    }

    private SipUser user(String name) throws Exception {
        SipUser user = fixture.tcpUser(name);
        users.add(user);
        assertThat(user.registerLikeLync(3600).status()).isEqualTo(200);
        return user;
    }

    @Test
    void sessionsOfDifferentUsersSpreadAcrossBothNodes() throws Exception {
        ChatRoutingIT.invite(user("alice"), false);
        ChatRoutingIT.invite(user("bob"), false);

        assertThat(nodeA.invites.get()).isEqualTo(1);
        assertThat(nodeB.invites.get()).isEqualTo(1);
        assertThat(fixture.proxy.nodes()).extracting(NodeState::sessions).containsExactly(1, 1);
    }

    @Test
    void afterANodeStopsNewSessionsLandOnTheSurvivorAndOldDialogsGet481() throws Exception {
        SipUser alice = user("alice");
        SipUser bob = user("bob");
        ClientDialog aliceDialog = ChatRoutingIT.invite(alice, false);
        ChatRoutingIT.invite(bob, false);
        FakeNode aliceNode = nodeA.invites.get() == 1 && nodeA.dialogs.containsKey(aliceDialog.callId) ? nodeA : nodeB;
        FakeNode survivor = aliceNode == nodeA ? nodeB : nodeA;

        aliceNode.close();
        await().atMost(Duration.ofSeconds(3)).until(() -> fixture.proxy.nodes().stream().filter(NodeState::up)
                .count() == 1);

        alice.socket.send(aliceDialog.next("INFO", "text/plain", "<xccos/>"));
        SipText gone = alice.socket.awaitFinal("INFO");
        assertThat(gone.status()).isEqualTo(481);

        int before = survivor.invites.get();
        ChatRoutingIT.invite(alice, false);
        ChatRoutingIT.invite(user("carol"), false);
        assertThat(survivor.invites.get()).isEqualTo(before + 2);
    }

    @Test
    void anInviteAnswered503ByABusyNodeIsTriedOnTheOtherNode_rfc3261_21_5_4() throws Exception {
        nodeA.busy = true;

        ChatRoutingIT.invite(user("alice"), false);
        ChatRoutingIT.invite(user("bob"), false);

        assertThat(nodeB.invites.get()).isEqualTo(2);
        assertThat(nodeA.invites.get()).isZero();
        assertThat(fixture.proxy.nodes()).as("a busy node is not a dead one").allMatch(NodeState::up);
    }

    @Test
    void whenEveryNodeAnswers503TheClientGets503WithTheNodesRetryAfter_rfc3261_16_7_step6() throws Exception {
        nodeA.busy = true;
        nodeB.busy = true;
        SipUser alice = user("alice");
        alice.socket.send(alice.request("INVITE", ChatRoutingIT.CHAT, "busy-" + System.nanoTime(), alice.nextCseq(),
                null, ChatRoutingIT.CHAT, null, null, "application/sdp", ChatRoutingIT.SDP));

        SipText answer = alice.socket.awaitFinal("INVITE");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).hasValue(String.valueOf(FakeNode.BUSY_RETRY_AFTER));
        assertThat(nodeA.refused.get() + nodeB.refused.get()).as("each node tried once").isEqualTo(2);
    }
}
