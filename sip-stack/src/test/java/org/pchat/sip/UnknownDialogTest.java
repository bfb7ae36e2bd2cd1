package org.pchat.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 3261 §12.2.2: requests with a To tag matching no dialog get 481, without bothering the application. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnknownDialogTest {

    private final RecordingApp app = new RecordingApp();
    private SipEndpoint endpoint;

    @BeforeAll
    void startEndpoint() {
        endpoint = TestEndpoints.start(TestEndpoints.config("unknown-dialog").build(), app);
    }

    @AfterAll
    void stopEndpoint() {
        endpoint.close();
    }

    @BeforeEach
    void reset() {
        app.reset();
    }

    private static String inDialogRequest(String method, RawTransport transport, String body) {
        String callId = UUID.randomUUID().toString();
        return RawTransport.crlf("""
                %s sip:ocschat@127.0.0.1 SIP/2.0
                Via: SIP/2.0/%s 127.0.0.1:%d
                From: <sip:alice@example.com>;tag=a1
                To: <sip:ocschat@example.com>;tag=unknown-tag
                Call-ID: %s
                CSeq: 7 %s
                Max-Forwards: 70
                Content-Type: text/plain
                Content-Length: %d

                %s""".formatted(method, transport.viaTransport().toLowerCase(), transport.localPort(), callId,
                method, body.length(), body));
    }

    @ParameterizedTest
    @EnumSource(value = SipTransport.class, names = {"TCP", "UDP"})
    void infoOnUnknownDialogGets481_rfc3261_12_2_2(SipTransport transport) throws Exception {
        int port = endpoint.boundPort(transport);
        try (RawTransport raw = transport == SipTransport.UDP ? RawTransport.udp(port) : RawTransport.tcp(port);
             RawUac uac = new RawUac(raw, false)) {
            raw.send(inDialogRequest("INFO", raw, "<xccos/>"));

            RawSipMessage answer = uac.awaitFinal("INFO");

            assertThat(answer.status()).isEqualTo(481);
            assertThat(answer.header("Content-Length")).hasValue("0");
            assertThat(app.delivered).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"BYE", "UPDATE", "INVITE"})
    void otherInDialogRequestsOnUnknownDialogGet481_rfc3261_12_2_2(String method) throws Exception {
        try (RawTransport raw = RawTransport.tcp(endpoint.boundPort(SipTransport.TCP));
             RawUac uac = new RawUac(raw, true)) {
            raw.send(inDialogRequest(method, raw, ""));

            assertThat(uac.awaitFinal(method).status()).isEqualTo(481);
            assertThat(app.delivered).isEmpty();
        }
    }
}
