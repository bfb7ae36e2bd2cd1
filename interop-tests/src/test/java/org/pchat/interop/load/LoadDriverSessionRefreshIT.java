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
 * Load users keep their sessions alive through the proxy: against a node with the shortest session interval it
 * allows (sip.session-expires 90 s, RFC 4028 Min-SE), each user refreshes with UPDATE at half of it, the node
 * answers 200, and a run longer than that half ends with every session held and nothing failed.
 */
class LoadDriverSessionRefreshIT {
    private static final int USERS = 30;
    private static final String PASSWORD = "load-driver-refresh-it";
    private static PchatProcess server;
    private static Path model;

    @BeforeAll
    static void seedAndStart() throws Exception {
        server = PchatProcess.builder("LoadDriverSessionRefreshIT").set("sip.session-expires", "90").build();
        model = SeededServer.seedAndStart(server, "LoadDriverSessionRefreshIT", USERS, PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyUserRefreshesItsSessionWithUpdateAtHalfTheNodesIntervalAndKeepsIt() throws Exception {
        LoadOptions options = new LoadOptions("model", model, "127.0.0.1", server.ports().proxy(), PASSWORD, USERS,
                Duration.ofSeconds(48), Duration.ofSeconds(1), 1, 0, 0, 100, 30, 1, Duration.ofSeconds(30),
                Duration.ofSeconds(10), List.of(), Optional.empty(), true, "LoadDriverSessionRefreshIT", Shard.WHOLE,
                Optional.empty());

        LoadReport report = LoadMain.run(options);

        assertThat((long) report.get("session_refreshes")).as("UPDATEs answered 200\n%s", report.table())
                .isGreaterThanOrEqualTo(USERS);
        assertThat(report.get("sessions_held")).as(report.table()).isEqualTo(USERS);
        assertThat(report.failures()).as("failed operations\n%s", report.table()).isEmpty();
        assertThat(Files.readString(server.logFile().orElseThrow())).doesNotContain("session expired");
    }
}
