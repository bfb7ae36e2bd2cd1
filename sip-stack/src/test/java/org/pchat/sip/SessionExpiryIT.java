package org.pchat.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 4028 §10: a session not refreshed in time is ended with BYE and the application is told. */
class SessionExpiryIT {

    private static final int INTERVAL_SECONDS = 2;

    private RecordingApp app;
    private SipEndpoint endpoint;

    @BeforeEach
    void start() {
        app = new RecordingApp();
        endpoint = TestEndpoints.start(TestEndpoints.config("expiry")
                .sessionExpiresSeconds(INTERVAL_SECONDS).allowShortSessionInterval(true).build(), app);
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @Test
    void unrefreshedSessionGetsByeAndTheApplicationIsNotified_rfc4028_section10() throws Exception {
        try (RawUac uac = new RawUac(RawTransport.tcp(endpoint.boundPort(SipTransport.TCP)), false)) {
            RawSipMessage ok = uac.sendInvite();
            assertThat(ok.header("Session-Expires")).hasValue(INTERVAL_SECONDS + ";refresher=uac");
            uac.ack();
            long acked = System.nanoTime();

            RawSipMessage bye = uac.awaitRequest("BYE");
            long elapsedMillis = Duration.ofNanos(System.nanoTime() - acked).toMillis();
            uac.respond(bye, 200, "OK");

            assertThat(elapsedMillis).isGreaterThanOrEqualTo(INTERVAL_SECONDS * 1000L - 100);
            assertThat(bye.header("Call-ID")).hasValue(uac.callId);
            await().atMost(Duration.ofSeconds(5)).until(() -> app.terminations.size() == 1);
            assertThat(app.terminations.get(0).reason()).isEqualTo(TerminationReason.SESSION_EXPIRED);
        }
    }

    @Test
    void updateRefreshPostponesExpiry_rfc4028_section10() throws Exception {
        try (RawUac uac = new RawUac(RawTransport.tcp(endpoint.boundPort(SipTransport.TCP)), false)) {
            uac.sendInvite();
            uac.ack();
            for (int i = 0; i < 3; i++) {
                // Refresh at half the interval, as a refresher should (RFC 4028 §10).
                await().pollDelay(Duration.ofMillis(INTERVAL_SECONDS * 500L)).until(() -> true);
                assertThat(uac.request(uac.inDialog("UPDATE", null, ""), "UPDATE").status()).isEqualTo(200);
            }

            assertThat(app.terminations).isEmpty();
            RawSipMessage bye = uac.awaitRequest("BYE");
            uac.respond(bye, 200, "OK");
            await().atMost(Duration.ofSeconds(5)).until(() -> app.terminations.size() == 1);
        }
    }
}
