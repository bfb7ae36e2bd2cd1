package org.pchat.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Requests without a Via branch, as pidgin-sipe sends INVITE, ACK, INFO, UPDATE and BYE (xccos.md §11), are
 * matched the RFC 2543 way (RFC 3261 §17.2.3) over a TCP connection whose client never listens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BranchlessRequestsTest {

    private final RecordingApp app = new RecordingApp();
    private SipEndpoint endpoint;
    private RawUac uac;

    @BeforeAll
    void startEndpoint() {
        endpoint = TestEndpoints.start(TestEndpoints.config("branchless").build(), app);
    }

    @AfterAll
    void stopEndpoint() {
        endpoint.close();
    }

    @BeforeEach
    void connect() throws Exception {
        app.reset();
        uac = new RawUac(RawTransport.tcp(endpoint.boundPort(SipTransport.TCP)), false);
    }

    @AfterEach
    void disconnect() throws Exception {
        uac.close();
    }

    private DialogHandle dialog() {
        return endpoint.dialogs().stream().filter(d -> d.callId().equals(uac.callId)).findFirst().orElseThrow();
    }

    private void establish() throws Exception {
        RawSipMessage ok = uac.sendInvite();
        assertThat(ok.status()).isEqualTo(200);
        uac.ack();
    }

    @Test
    void branchlessInviteIsAnsweredWithTagContactAndSessionExpires_rfc3261_17_2_3() throws Exception {
        RawSipMessage ok = uac.sendInvite();

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("Via").orElseThrow()).doesNotContain("branch=");
        assertThat(ok.tag("To")).isPresent();
        assertThat(ok.header("Session-Expires")).hasValue("1800;refresher=uac");
        assertThat(ok.header("Content-Length")).isPresent();
        assertThat(ok.header("Contact")).isPresent();
        assertThat(app.deliveredCount("INVITE")).isEqualTo(1);
    }

    @Test
    void branchlessAckConfirmsTheDialogAndIsNotDeliveredToTheApplication_rfc3261_13_3_1_4() throws Exception {
        establish();
        RawSipMessage infoOk = uac.request(uac.inDialog("INFO", "text/plain", "<xccos/>"), "INFO");

        assertThat(infoOk.status()).isEqualTo(200);
        assertThat(app.deliveredCount("ACK")).isZero();
        assertThat(dialog().isConfirmed()).isTrue();
    }

    @Test
    void retransmittedBranchlessAckIsDroppedWithoutStackError_rfc3261_13_3_1_4() throws Exception {
        try (LogCapture stackLog = new LogCapture(org.pchat.sip.logging.Slf4jStackLogger.class, Level.WARN)) {
            establish();
            uac.ack();
            uac.ack();
            // An INFO behind the ACKs on the same connection proves they were processed (per Call-ID order).
            assertThat(uac.request(uac.inDialog("INFO", "text/plain", "<xccos/>"), "INFO").status())
                    .isEqualTo(200);

            assertThat(stackLog.atLeast(Level.ERROR)).isEmpty();
            assertThat(app.deliveredCount("ACK")).isZero();
        }
    }

    @Test
    void branchlessInfoIsDeliveredOnceAndAnswered_rfc6086() throws Exception {
        establish();

        RawSipMessage ok = uac.request(uac.inDialog("INFO", "text/plain", "<xccos>1</xccos>"), "INFO");

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("Content-Length")).hasValue("0");
        assertThat(app.awaitRequest("INFO").bodyAsString()).isEqualTo("<xccos>1</xccos>");
    }

    @Test
    void retransmittedBranchlessInfoWhileUnansweredIsAbsorbed_rfc3261_17_2_3() throws Exception {
        establish();
        CompletableFuture<IncomingRequest> held = new CompletableFuture<>();
        app.answer = in -> held.complete(in);
        String info = uac.inDialog("INFO", "text/plain", "<xccos>once</xccos>");

        uac.transport().send(info);
        IncomingRequest first = held.get(10, TimeUnit.SECONDS);
        uac.transport().send(info);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> app.deliveredCount("INFO") == 1);
        first.respond(200);

        assertThat(uac.awaitFinal("INFO").status()).isEqualTo(200);
        assertThat(app.deliveredCount("INFO")).isEqualTo(1);
    }

    @Test
    void retransmittedBranchlessInfoAfterItsAnswerIsNotDeliveredAgain_rfc3261_12_2_2() throws Exception {
        establish();
        String info = uac.inDialog("INFO", "text/plain", "<xccos>once</xccos>");
        assertThat(uac.request(info, "INFO").status()).isEqualTo(200);

        uac.transport().send(info);

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> app.deliveredCount("INFO") == 1);
    }

    @Test
    void serverInfoGoesDownTheClientsOwnConnectionWhenTheClientNeverListens_xccos11() throws Exception {
        establish();
        DialogHandle dialog = dialog();

        CompletableFuture<RequestOutcome> outcome = dialog.sendInfo("text/plain", "<xccos>rpl</xccos>");
        RawSipMessage info = uac.awaitRequest("INFO");
        uac.respond(info, 200, "OK");

        assertThat(info.body()).isEqualTo("<xccos>rpl</xccos>");
        assertThat(info.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(info.requestUri()).isEqualTo(uac.remoteTargetOfClient());
        assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(RequestOutcome.Success.class);
    }

    @Test
    void serverInfosInOneDialogLeaveInCallOrderWithIncreasingCseq_rfc3261_12_2_1_1() throws Exception {
        establish();
        DialogHandle dialog = dialog();

        dialog.sendInfo("text/plain", "one");
        dialog.sendInfo("text/plain", "two");
        RawSipMessage first = uac.awaitRequest("INFO");
        RawSipMessage second = uac.awaitRequest("INFO");
        uac.respond(first, 200, "OK");
        uac.respond(second, 200, "OK");

        assertThat(first.body()).isEqualTo("one");
        assertThat(second.body()).isEqualTo("two");
        assertThat(second.cseq()).isGreaterThan(first.cseq());
    }

    @Test
    void branchlessUpdateRefreshesTheSession_rfc4028_section9() throws Exception {
        establish();

        RawSipMessage ok = uac.request(uac.inDialog("UPDATE", null, ""), "UPDATE");

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("Session-Expires")).hasValue("1800;refresher=uac");
        assertThat(ok.header("Contact")).isPresent();
        assertThat(app.deliveredCount("UPDATE")).isZero();
    }

    @Test
    void branchlessByeEndsTheDialogAndTellsTheApplication_rfc3261_15_1_2() throws Exception {
        establish();

        RawSipMessage ok = uac.request(uac.inDialog("BYE", null, ""), "BYE");

        assertThat(ok.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> app.terminations.size() == 1);
        assertThat(app.terminations.get(0).reason()).isEqualTo(TerminationReason.BYE_RECEIVED);
        assertThat(endpoint.dialogs()).noneMatch(d -> d.callId().equals(uac.callId));
    }

    @Test
    void infoAfterByeGets481_rfc3261_12_2_2() throws Exception {
        establish();
        assertThat(uac.request(uac.inDialog("BYE", null, ""), "BYE").status()).isEqualTo(200);

        RawSipMessage answer = uac.request(uac.inDialog("INFO", "text/plain", "<xccos/>"), "INFO");

        assertThat(answer.status()).isEqualTo(481);
        assertThat(app.deliveredCount("INFO")).isZero();
    }
}
