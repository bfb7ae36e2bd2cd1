package org.pchat.server.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The per-key ordering and the bounded queues of room and user work (ARCHITECTURE.md §6). */
class KeyedSerialExecutorTest {

    @Test
    void tasksOfOneKeyRunInSubmissionOrder() {
        try (KeyedSerialExecutor lanes = new KeyedSerialExecutor("test", 4, 1000)) {
            List<Integer> seen = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 500; i++) {
                int n = i;
                lanes.execute("room-1", () -> seen.add(n));
            }
            await().untilAsserted(() -> assertThat(seen).hasSize(500).isSorted());
        }
    }

    @Test
    void aKeyWhoseHashIsNegativeStillMapsOntoALane() {
        try (KeyedSerialExecutor lanes = new KeyedSerialExecutor("test", 3, 10)) {
            Object minHash = new Object() {
                @Override
                public int hashCode() {
                    return Integer.MIN_VALUE;
                }
            };
            assertThat(lanes.laneOf(minHash)).isBetween(0, 2);
        }
    }

    @Test
    void aFullLaneRefusesWorkAsBusyNamingTheCapacity() throws Exception {
        try (KeyedSerialExecutor lanes = new KeyedSerialExecutor("test", 1, 2)) {
            CountDownLatch release = blockLane(lanes, "k");
            lanes.execute("k", () -> { });
            lanes.execute("k", () -> { });

            assertThatThrownBy(() -> lanes.execute("k", () -> { }))
                    .isInstanceOfSatisfying(ChatException.class, e -> assertThat(e.code()).isEqualTo(ChatErrorCode.BUSY))
                    .hasMessageContaining("queue capacity 2");
            release.countDown();
        }
    }

    @Test
    void theLongestQueueIsTheMostTasksWaitingOnOneLaneWorkPastTheBoundIncluded() throws Exception {
        try (KeyedSerialExecutor lanes = new KeyedSerialExecutor("test", 1, 2)) {
            CountDownLatch release = blockLane(lanes, "k");
            lanes.execute("k", () -> { });
            lanes.execute("k", () -> { });
            lanes.executeAlways("k", () -> { });

            assertThat(lanes.longestQueue()).isEqualTo(3);
            assertThat(lanes.queueCapacity()).isEqualTo(2);
            release.countDown();
        }
    }

    @Test
    void workThatMustNotBeRefusedIsQueuedPastAFullLaneAndRunsInOrder() throws Exception {
        try (KeyedSerialExecutor lanes = new KeyedSerialExecutor("test", 1, 2)) {
            CountDownLatch release = blockLane(lanes, "k");
            List<Integer> seen = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 10; i++) {
                int n = i;
                lanes.executeAlways("k", () -> seen.add(n));
            }

            assertThatThrownBy(() -> lanes.execute("k", () -> seen.add(-1)))
                    .isInstanceOfSatisfying(ChatException.class, e -> assertThat(e.code()).isEqualTo(ChatErrorCode.BUSY));
            release.countDown();
            await().untilAsserted(() -> assertThat(seen).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        }
    }

    @Test
    void aClosedExecutorRefusesEvenWorkThatMustNotBeRefused() {
        KeyedSerialExecutor lanes = new KeyedSerialExecutor("test", 1, 2);
        lanes.close();

        assertThatThrownBy(() -> lanes.executeAlways("k", () -> { }))
                .isInstanceOfSatisfying(ChatException.class, e -> assertThat(e.code()).isEqualTo(ChatErrorCode.BUSY))
                .hasMessageContaining("shutting down");
    }

    /** Occupies the lane of {@code key} with a task that runs until the returned latch is counted down. */
    private static CountDownLatch blockLane(KeyedSerialExecutor lanes, String key) throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        lanes.execute(key, () -> {
            running.countDown();
            awaitQuietly(release);
        });
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        return release;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
