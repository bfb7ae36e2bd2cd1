package org.pchat.interop.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pchat.interop.support.PchatProcess;
import org.pchat.interop.support.TestPaths;

/**
 * The load driver itself, against the real jar: a small model run (a few hundred posts over the rooms of 150
 * users signed in through the proxy, xccos.md §2-§5) ends with no failed operation and with every post
 * delivered to every joined member exactly once.
 */
class LoadDriverIT {
    private static final int USERS = 150;
    private static final String PASSWORD = "load-driver-it";
    private static PchatProcess server;
    private static Path model;

    @BeforeAll
    static void seedAndStart() throws Exception {
        server = PchatProcess.builder("LoadDriverIT").build();
        model = SeededServer.seedAndStart(server, "LoadDriverIT", USERS, PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void smallModelRunAfterAWarmUpDeliversEveryPostToEveryJoinedMemberExactlyOnce() throws Exception {
        LoadOptions options = new LoadOptions("model", model, "127.0.0.1", server.ports().proxy(), PASSWORD, USERS,
                Duration.ofSeconds(12), Duration.ofSeconds(3), 4, 0, 0, 100, 50, 2, Duration.ofSeconds(30), Duration.ofSeconds(20),
                List.of(), Optional.empty(), true, "LoadDriverIT", Shard.WHOLE, Optional.empty());

        LoadReport report = LoadMain.run(options);

        assertThat(report.failures()).as("failed operations\n%s", report.table()).isEmpty();
        assertThat(report.get("sessions_held")).as(report.table()).isEqualTo(USERS);
        assertThat((long) report.get("posts")).as(report.table()).isGreaterThan(20);
        assertThat(report.get("deliveries_missing")).as(report.table()).isEqualTo(0L);
        assertThat(report.get("deliveries_duplicate")).as(report.table()).isEqualTo(0L);
        assertThat(report.get("deliveries_unexpected")).as(report.table()).isEqualTo(0L);
        assertThat(report.get("deliveries")).as(report.table()).isEqualTo(report.get("deliveries_expected"));
        assertThat((long) report.get("delivery_small_count") + (long) report.get("delivery_medium_count")
                + (long) report.get("delivery_large_count")).as("deliveries by room class\n%s", report.table())
                .isEqualTo(report.get("delivery_count"));
        assertThat(report.get("failed_operations")).as(report.table()).isEqualTo(0L);
    }

    @Test
    void twoShardsPlayingOneRunEachCountTheirOwnPostsToTheirOwnUsersExactlyOnce() throws Exception {
        ExecutorService shards = Executors.newFixedThreadPool(2);
        try {
            Path barrier = Files.createTempDirectory(TestPaths.logDir("LoadDriverIT"), "barrier");
            List<Future<LoadReport>> runs = List.of(
                    shards.submit(() -> LoadMain.run(shard(new Shard(0, 2), barrier))),
                    shards.submit(() -> LoadMain.run(shard(new Shard(1, 2), barrier))));
            long ownToOwn = 0;
            long toOthers = 0;
            for (Future<LoadReport> run : runs) {
                LoadReport report = run.get(5, TimeUnit.MINUTES);
                ownToOwn += (long) report.get("deliveries");
                toOthers += (long) report.get("deliveries_other_shards");
                assertThat(report.failures()).as("failed operations\n%s", report.table()).isEmpty();
                assertThat(report.get("sessions_held")).as(report.table()).isEqualTo(USERS / 2);
                assertThat((long) report.get("posts")).as(report.table()).isGreaterThan(10);
                assertThat(report.get("deliveries_unexpected")).as(report.table()).isEqualTo(0L);
                assertThat(report.get("deliveries_duplicate")).as(report.table()).isEqualTo(0L);
                assertThat(report.get("deliveries")).as(report.table()).isEqualTo(report.get("deliveries_expected"));
            }
            // each post reaches the members played by the other shard too: those are seen there, not in a ledger
            assertThat(toOthers).isPositive();
            assertThat(ownToOwn).isPositive();
        } finally {
            shards.shutdownNow();
        }
    }

    private static LoadOptions shard(Shard shard, Path barrier) {
        return new LoadOptions("model", model, "127.0.0.1", server.ports().proxy(), PASSWORD, USERS,
                Duration.ofSeconds(10), Duration.ofSeconds(2), 6, 0, 0, 100, 50, 2, Duration.ofSeconds(30),
                Duration.ofSeconds(20), List.of(), Optional.empty(), true, "LoadDriverIT-" + shard.index(), shard,
                Optional.of(barrier));
    }
}
