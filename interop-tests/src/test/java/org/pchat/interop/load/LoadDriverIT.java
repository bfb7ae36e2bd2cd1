package org.pchat.interop.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pchat.interop.support.CommandResult;
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
        server.cli().migrate();
        model = Files.createTempFile(TestPaths.logDir("LoadDriverIT"), "model", ".tsv");
        CommandResult seeded = server.cli().run(List.of("seed-model", "--users", Integer.toString(USERS),
                "--domain", server.domain(), "--model-out", model.toString(), "--password-stdin"),
                Optional.of(PASSWORD + "\n"));
        assertThat(seeded.exitCode()).as("seed-model failed: %s", seeded.stderr()).isZero();
        server.start();
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
                Optional.empty(), Optional.empty(), true, "LoadDriverIT");

        LoadReport report = LoadMain.run(options);

        assertThat(report.failures()).as("failed operations\n%s", report.table()).isEmpty();
        assertThat(report.get("sessions_held")).as(report.table()).isEqualTo(USERS);
        assertThat((long) report.get("posts")).as(report.table()).isGreaterThan(20);
        assertThat(report.get("deliveries_missing")).as(report.table()).isEqualTo(0L);
        assertThat(report.get("deliveries_duplicate")).as(report.table()).isEqualTo(0L);
        assertThat(report.get("deliveries_unexpected")).as(report.table()).isEqualTo(0L);
        assertThat(report.get("deliveries")).as(report.table()).isEqualTo(report.get("deliveries_expected"));
        assertThat(report.get("failed_operations")).as(report.table()).isEqualTo(0L);
    }
}
