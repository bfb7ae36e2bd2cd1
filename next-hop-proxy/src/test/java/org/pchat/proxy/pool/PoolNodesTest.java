package org.pchat.proxy.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Node choice: least loaded live node, sticky per user, failed nodes out until they answer again. */
class PoolNodesTest {

    private final PoolNodeAddress a = PoolNodeAddress.parse("10.0.0.1:5070");
    private final PoolNodeAddress b = PoolNodeAddress.parse("10.0.0.2:5070");
    private final PoolNodes nodes = new PoolNodes("test", Clock.systemUTC(), List.of(a, b), 100, 60_000);

    @Test
    void newUserGoesToTheLeastLoadedNode() {
        nodes.sessionStarted("c1", a);

        assertThat(nodes.choose("sip:bob@example.com", Optional.empty())).hasValue(b);
    }

    @Test
    void userStaysOnItsNode() {
        PoolNodeAddress first = nodes.choose("sip:alice@example.com", Optional.empty()).orElseThrow();
        nodes.sessionStarted("c1", first);
        nodes.sessionStarted("c2", first);

        assertThat(nodes.choose("sip:alice@example.com", Optional.empty())).hasValue(first);
    }

    @Test
    void failedNodeIsSkippedAndItsSessionsForgottenUntilItRecovers() {
        nodes.sessionStarted("c1", a);
        nodes.markFailed(a, 1, "test");

        assertThat(nodes.choose("sip:alice@example.com", Optional.empty())).hasValue(b);
        assertThat(nodes.states().get(0).sessions()).isZero();
        nodes.markUp(a);
        assertThat(nodes.isUp(a)).isTrue();
    }

    @Test
    void noLiveNodeMeansNoChoice() {
        nodes.markFailed(a, 1, "test");
        nodes.markFailed(b, 1, "test");

        assertThat(nodes.choose("sip:alice@example.com", Optional.empty())).isEmpty();
    }

    @Test
    void byeEndsTheSession() {
        nodes.sessionStarted("c1", a);
        nodes.sessionEnded("c1");
        nodes.sessionEnded("c1");

        assertThat(nodes.states().get(0).sessions()).isZero();
    }
}
