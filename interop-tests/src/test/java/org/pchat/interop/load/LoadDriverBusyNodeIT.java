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
import org.pchat.interop.support.PchatProcess;

/**
 * A sign-in storm against a node that refuses sessions while it owes more than a few server INFOs
 * (sip.admission-backlog, docs/chat-node.md): the node answers INVITEs 503 with Retry-After, the proxy passes that
 * on (RFC 3261 §16.7 step 6, its only node is busy), and the driver, like a Lync client, INVITEs again after it.
 * Every user ends up signed in and nothing fails.
 */
class LoadDriverBusyNodeIT {
    private static final int USERS = 150;
    private static final String PASSWORD = "load-driver-busy-it";
    private static PchatProcess server;
    private static Path model;

    @BeforeAll
    static void seedAndStart() throws Exception {
        server = PchatProcess.builder("LoadDriverBusyNodeIT").set("sip.admission-backlog", "5")
                .set("sip.busy-retry-after", "1").build();
        model = SeededServer.seedAndStart(server, "LoadDriverBusyNodeIT", USERS, PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSignInStormAgainstABusyNodeIsDeferredByRetryAfterAndEveryUserGetsIn() throws Exception {
        LoadOptions options = new LoadOptions("model", model, "127.0.0.1", server.ports().proxy(), PASSWORD, USERS,
                Duration.ofSeconds(5), Duration.ofSeconds(1), 2, 0, 0, 500, 150, 2, Duration.ofSeconds(30),
                Duration.ofSeconds(20), List.of(), Optional.empty(), true, "LoadDriverBusyNodeIT", Shard.WHOLE,
                Optional.empty());

        LoadReport report = LoadMain.run(options);

        assertThat((long) report.get("invites_deferred")).as("INVITEs answered 503 and retried\n%s", report.table())
                .isPositive();
        assertThat(report.get("sessions_held")).as(report.table()).isEqualTo(USERS);
        assertThat(report.failures()).as("failed operations\n%s", report.table()).isEmpty();
        assertThat(report.get("deliveries_missing")).as(report.table()).isEqualTo(0L);
        assertThat(Files.readString(server.logFile().orElseThrow()))
                .contains("refusing new sessions (503, Retry-After 1 s)");
    }
}
