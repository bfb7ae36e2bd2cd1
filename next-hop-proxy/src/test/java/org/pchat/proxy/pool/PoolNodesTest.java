package org.pchat.proxy.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Node choice: least loaded live node, sticky per user, failed nodes out until they answer again. */
class PoolNodesTest {

    private final PoolNodeAddress a = PoolNodeAddress.parse("10.0.0.1:5070");
    private final PoolNodeAddress b = PoolNodeAddress.parse("10.0.0.2:5070");
    private final PoolNodes nodes = new PoolNodes("test", Clock.systemUTC(), List.of(a, b), 100, 60_000);

    @Test
    void newUserGoesToTheLeastLoadedNode() {
        nodes.sessionStarted("c1", a);

        assertThat(nodes.choose("sip:bob@example.com", Set.of())).hasValue(b);
    }

    @Test
    void userStaysOnItsNode() {
        PoolNodeAddress first = nodes.choose("sip:alice@example.com", Set.of()).orElseThrow();
        nodes.sessionStarted("c1", first);
        nodes.sessionStarted("c2", first);

        assertThat(nodes.choose("sip:alice@example.com", Set.of())).hasValue(first);
    }

    @Test
    void failedNodeIsSkippedAndItsSessionsForgottenUntilItRecovers() {
        nodes.sessionStarted("c1", a);
        nodes.markFailed(a, 1, "test");

        assertThat(nodes.choose("sip:alice@example.com", Set.of())).hasValue(b);
        assertThat(nodes.states().get(0).sessions()).isZero();
        nodes.markUp(a);
        assertThat(nodes.isUp(a)).isTrue();
    }

    @Test
    void noLiveNodeMeansNoChoice() {
        nodes.markFailed(a, 1, "test");
        nodes.markFailed(b, 1, "test");

        assertThat(nodes.choose("sip:alice@example.com", Set.of())).isEmpty();
    }

    @Test
    void byeEndsTheSession() {
        nodes.sessionStarted("c1", a);
        nodes.sessionEnded("c1");
        nodes.sessionEnded("c1");

        assertThat(nodes.states().get(0).sessions()).isZero();
    }

    @Test
    void poolMembershipAddsNodesAndRoutesNewSessionsOnlyToServingOnes() {
        PoolNodes pool = new PoolNodes("test", Clock.systemUTC(), List.of(), 100, 60_000);
        PoolNodeAddress c = PoolNodeAddress.parse("10.0.0.3:5070");

        pool.membership(List.of(a, c), List.of());
        pool.membership(List.of(c), List.of());

        assertThat(pool.addresses()).containsExactlyInAnyOrder(a, c);
        for (int i = 0; i < 5; i++) {
            assertThat(pool.choose("sip:user" + i + "@example.com", Set.of())).contains(c);
        }
        assertThat(pool.states()).filteredOn(NodeState::serving).extracting(NodeState::address).containsExactly(c);
    }

    @Test
    void aNodeThatLeftThePoolIsDownAndItsDialogsAreForgotten() {
        nodes.sessionStarted("c1", a);

        nodes.membership(List.of(b), List.of(a));

        assertThat(nodes.isUp(a)).isFalse();
        assertThat(nodes.states().get(0).sessions()).isZero();
        assertThat(nodes.choose("sip:alice@example.com", Set.of())).contains(b);
    }

    @Test
    void choosingWhileCountsChangeAlwaysFindsANode() throws Exception {
        Thread churn = new Thread(() -> {
            for (int i = 0; i < 200_000; i++) {
                nodes.sessionStarted("c" + i, i % 2 == 0 ? a : b);
                nodes.sessionEnded("c" + i);
            }
        });
        churn.start();
        while (churn.isAlive()) {
            assertThat(nodes.choose("sip:u" + System.nanoTime() + "@example.com", Set.of())).isPresent();
        }
        churn.join();
    }
}
