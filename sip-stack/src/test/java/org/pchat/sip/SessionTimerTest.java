package org.pchat.sip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** RFC 4028 negotiation on the 2xx to INVITE and UPDATE, over real sockets. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionTimerTest {

    private final RecordingApp app = new RecordingApp();
    private SipEndpoint endpoint;

    @BeforeAll
    void startEndpoint() {
        endpoint = TestEndpoints.start(TestEndpoints.config("session-timer").build(), app);
    }

    @AfterAll
    void stopEndpoint() {
        endpoint.close();
    }

    @BeforeEach
    void reset() {
        app.reset();
    }

    private RawUac uac() throws Exception {
        return new RawUac(RawTransport.tcp(endpoint.boundPort(SipTransport.TCP)), false);
    }

    @Test
    void uacWithoutTimerSupportGetsSessionExpiresButNoRequire_rfc4028_section9() throws Exception {
        try (RawUac uac = uac()) {
            RawSipMessage ok = uac.sendInvite();

            assertThat(ok.header("Session-Expires")).hasValue("1800;refresher=uac");
            assertThat(ok.headerValues("Require")).noneMatch(v -> v.contains("timer"));
            assertThat(ok.headerValues("Supported")).anyMatch(v -> v.contains("timer"));
        }
    }

    @Test
    void uacSupportingTimerGetsRequireTimer_rfc4028_section9() throws Exception {
        try (RawUac uac = uac()) {
            RawSipMessage ok = uac.sendInvite("Supported: timer");

            assertThat(ok.headerValues("Require")).anyMatch(v -> v.contains("timer"));
        }
    }

    @Test
    void smallerRequestedIntervalIsHonoured_rfc4028_section9() throws Exception {
        try (RawUac uac = uac()) {
            RawSipMessage ok = uac.sendInvite("Supported: timer", "Session-Expires: 600");

            assertThat(ok.header("Session-Expires")).hasValue("600;refresher=uac");
        }
    }

    @Test
    void intervalBelowMinSeIsRejectedWith422AndMinSe_rfc4028_section8_1() throws Exception {
        try (RawUac uac = uac()) {
            RawSipMessage answer = uac.sendInvite("Supported: timer", "Session-Expires: 30");

            assertThat(answer.status()).isEqualTo(422);
            assertThat(answer.header("Min-SE")).hasValue("90");
            assertThat(app.delivered).isEmpty();
        }
    }

    @Test
    void peerMinSeRaisesTheInterval_rfc4028_section9() throws Exception {
        try (RawUac uac = uac()) {
            RawSipMessage ok = uac.sendInvite("Supported: timer", "Session-Expires: 3600", "Min-SE: 2400");

            assertThat(ok.header("Session-Expires")).hasValue("2400;refresher=uac");
        }
    }

    @Test
    void slackAfterExpiryIsTheSmallerOf32SecondsAndAThird_rfc4028_section10() {
        assertThat(SessionTimer.slackMillis(1800)).isEqualTo(32_000);
        assertThat(SessionTimer.slackMillis(90)).isEqualTo(30_000);
        assertThat(SessionTimer.slackMillis(3)).isEqualTo(1_000);
    }
}
