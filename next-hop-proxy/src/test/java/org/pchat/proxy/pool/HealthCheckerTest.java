package org.pchat.proxy.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A node is taken out when its OPTIONS goes unanswered, unless it answered forwarded requests meanwhile. */
class HealthCheckerTest {

    private static final Duration TIMEOUT = Duration.ofMillis(50);

    private final PoolNodeAddress node = PoolNodeAddress.parse("10.0.0.1:5070");
    private final PoolNodes nodes = new PoolNodes("test", Clock.systemUTC(), List.of(node), 100, 60_000);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    /** OPTIONS that are never answered. */
    private final HealthChecker checker = new HealthChecker("test", nodes, n -> new CompletableFuture<>(), timer,
            Duration.ofHours(1), TIMEOUT);

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private boolean up() {
        return nodes.choose("sip:alice@example.com", Set.of()).isPresent();
    }

    @Test
    void aNodeThatAnswersNothingIsTakenOut() {
        checker.checkAll();

        await().atMost(Duration.ofSeconds(5)).until(() -> !up());
    }

    @Test
    void aNodeBusyAnsweringForwardedRequestsStaysInWhenItsOptionsIsLate() {
        nodes.heardFrom(node);
        checker.checkAll();

        // the probe times out after 50 ms; the node must still be in well after that
        await().during(TIMEOUT.multipliedBy(4)).atMost(Duration.ofSeconds(5)).until(this::up);
        assertThat(up()).isTrue();
    }
}
