package org.pchat.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A whole chat-style session over real sockets (RFC 3261 §13, §12.2; RFC 6086 INFO; RFC 4028 UPDATE). */
class DialogFlowTest {

    private RecordingApp app;
    private SipEndpoint endpoint;

    @BeforeEach
    void start() {
        app = new RecordingApp();
        endpoint = TestEndpoints.start(TestEndpoints.config("flow").build(), app);
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private RawTransport connect(SipTransport transport) throws Exception {
        int port = endpoint.boundPort(transport);
        return transport == SipTransport.UDP ? RawTransport.udp(port) : RawTransport.tcp(port);
    }

    @ParameterizedTest
    @EnumSource(value = SipTransport.class, names = {"TCP", "UDP"})
    void inviteAckInfoServerInfoUpdateBye_rfc3261_section13_and_rfc6086(SipTransport transport) throws Exception {
        try (RawUac uac = new RawUac(connect(transport), true)) {
            RawSipMessage ok = uac.sendInvite();
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("Session-Expires")).hasValue("1800;refresher=uac");
            assertThat(ok.header("Content-Length")).isPresent();
            assertThat(ok.tag("To")).isPresent();
            assertThat(ok.contactUri()).contains("transport=" + transport.name().toLowerCase());
            uac.ack();

            RawSipMessage infoOk = uac.request(uac.inDialog("INFO", "text/plain", "<xccos/>"), "INFO");
            assertThat(infoOk.status()).isEqualTo(200);
            IncomingRequest info = app.awaitRequest("INFO");
            assertThat(info.bodyAsString()).isEqualTo("<xccos/>");
            assertThat(info.dialog()).isPresent();

            DialogHandle dialog = info.dialog().orElseThrow();
            CompletableFuture<RequestOutcome> sent = dialog.sendInfo("text/plain", "<xccos reply/>");
            RawSipMessage serverInfo = uac.awaitRequest("INFO");
            assertThat(serverInfo.body()).isEqualTo("<xccos reply/>");
            assertThat(serverInfo.tag("From")).hasValue(uac.toTag());
            assertThat(serverInfo.tag("To")).hasValue(uac.fromTag);
            assertThat(serverInfo.header("Call-ID")).hasValue(uac.callId);
            assertThat(serverInfo.header("Content-Length")).hasValue("14");
            uac.respond(serverInfo, 200, "OK");
            assertThat(sent.get()).isInstanceOf(RequestOutcome.Success.class);

            RawSipMessage updateOk = uac.request(uac.inDialog("UPDATE", null, ""), "UPDATE");
            assertThat(updateOk.status()).isEqualTo(200);
            assertThat(updateOk.header("Session-Expires")).hasValue("1800;refresher=uac");

            RawSipMessage byeOk = uac.request(uac.inDialog("BYE", null, ""), "BYE");
            assertThat(byeOk.status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> !app.terminations.isEmpty());
            assertThat(app.terminations).singleElement()
                    .extracting(RecordingApp.Termination::reason).isEqualTo(TerminationReason.BYE_RECEIVED);
            assertThat(dialog.isTerminated()).isTrue();
            assertThat(app.failures).isEmpty();
        }
    }
}
