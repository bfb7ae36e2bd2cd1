package org.pchat.interop.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pchat.interop.support.PchatProcess;

/**
 * The XMPP load driver against the real jar: 150 seeded users sign in with SCRAM-SHA-1 (RFC 6120 §6), fill six
 * rooms of 50 that their first occupants create as instant rooms (XEP-0045 §10.1.2), post for one step while
 * reading MAM pages (XEP-0313) of a seeded room, and every post reaches every occupant exactly once.
 */
class XmppLoadDriverIT {
    private static final int USERS = 150;
    private static final String PASSWORD = "xmpp-load-driver-it";
    private static PchatProcess server;

    @BeforeAll
    static void seedAndStart() throws Exception {
        server = PchatProcess.builder("XmppLoadDriverIT").set("xmpp.allow-auth-without-tls", "true")
                .set("xmpp.room-category", "load").build();
        SeededServer.seedAndStart(server, "XmppLoadDriverIT", USERS, PASSWORD, "--no-model-rooms",
                "--history-messages", "2000");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void roomsFilledByTheirFirstJoinReceiveEveryPostExactlyOnceWhileMamPagesAreRead() throws Exception {
        XmppLoadOptions options = new XmppLoadOptions("127.0.0.1", server.ports().xmpp(), server.domain(),
                "conference." + server.domain(), "load", PASSWORD, USERS, 50, 2, "it-room-", List.of(20.0),
                Duration.ofSeconds(8), Duration.ofSeconds(2), 60_000, false,
                Optional.of("load-history@conference." + server.domain()), 5, false, "scram", 200, 50, 2,
                Duration.ofSeconds(30), Duration.ofSeconds(20), Optional.empty(), Optional.empty(), true,
                "XmppLoadDriverIT");

        LoadReport report = XmppLoadMain.run(options);

        assertThat(report.failures()).as("failed operations\n%s", report.table()).isEmpty();
        assertThat(report.get("sessions_held")).as(report.table()).isEqualTo(USERS);
        assertThat(report.get("rooms")).as(report.table()).isEqualTo(6);
        assertThat(report.get("occupants")).as(report.table()).isEqualTo(2 * USERS);
        assertThat((long) report.get("step1_delivery_count")).as(report.table()).isGreaterThan(100L * 50);
        assertThat(report.get("step1_deliveries_missing")).as(report.table()).isEqualTo(0L);
        assertThat(report.get("deliveries_duplicate")).as(report.table()).isEqualTo(0L);
        assertThat((long) report.get("step1_mam_count")).as(report.table()).isGreaterThan(20L);
        assertThat(report.get("best_step")).as(report.table()).isEqualTo(1);
        assertThat(report.get("failed_operations")).as(report.table()).isEqualTo(0L);
    }
}
