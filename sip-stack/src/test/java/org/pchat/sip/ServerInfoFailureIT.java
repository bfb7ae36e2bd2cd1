package org.pchat.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server INFO the client answers 487 (old Call-ID) or not at all (unknown dialog) must reach the application
 * so it can drop the dialog (xccos.md §2.2, §11; RFC 3261 §17.1.2.2 Timer F).
 */
class ServerInfoFailureIT {

    private static final int T1_MILLIS = 50;

    private RecordingApp app;
    private SipEndpoint endpoint;
    private RawUac uac;

    @BeforeEach
    void start() throws Exception {
        app = new RecordingApp();
        endpoint = TestEndpoints.start(TestEndpoints.config("info-failure").t1Millis(T1_MILLIS).build(), app);
        uac = new RawUac(RawTransport.tcp(endpoint.boundPort(SipTransport.TCP)), false);
        uac.sendInvite();
        uac.ack();
    }

    @AfterEach
    void stop() throws Exception {
        uac.close();
        endpoint.close();
    }

    @Test
    void infoAnswered487IsReportedAsRejected_xccos_2_2() throws Exception {
        DialogHandle dialog = endpoint.dialogs().get(0);

        CompletableFuture<RequestOutcome> outcome = dialog.sendInfo("text/plain", "<xccos/>");
        uac.respond(uac.awaitRequest("INFO"), 487, "Request Terminated");

        RequestOutcome result = outcome.get(10, TimeUnit.SECONDS);
        assertThat(result).isInstanceOfSatisfying(RequestOutcome.Rejected.class,
                r -> assertThat(r.statusCode()).isEqualTo(487));
        await().atMost(Duration.ofSeconds(5)).until(() -> app.failures.size() == 1);
        assertThat(app.failures.get(0).method()).isEqualTo("INFO");
        assertThat(app.failures.get(0).dialog()).isSameAs(dialog);
    }

    @Test
    void unansweredInfoTimesOutAfter64T1_rfc3261_17_1_2_2() throws Exception {
        DialogHandle dialog = endpoint.dialogs().get(0);

        CompletableFuture<RequestOutcome> outcome = dialog.sendInfo("text/plain", "<xccos/>");
        uac.awaitRequest("INFO");

        RequestOutcome result = outcome.get(30, TimeUnit.SECONDS);
        assertThat(result).isInstanceOfSatisfying(RequestOutcome.TimedOut.class,
                t -> assertThat(t.timeoutMillis()).isEqualTo(64L * T1_MILLIS));
        await().atMost(Duration.ofSeconds(5)).until(() -> app.failures.size() == 1);
        assertThat(app.failures.get(0).outcome()).isInstanceOf(RequestOutcome.TimedOut.class);
    }

    @Test
    void discardedDialogAnswersLaterRequestsWith481_rfc3261_12_2_2() throws Exception {
        DialogHandle dialog = endpoint.dialogs().get(0);

        dialog.discard();
        RawSipMessage answer = uac.request(uac.inDialog("INFO", "text/plain", "<xccos/>"), "INFO");

        assertThat(answer.status()).isEqualTo(481);
        assertThat(app.terminations).singleElement()
                .extracting(RecordingApp.Termination::reason).isEqualTo(TerminationReason.DISCARDED);
        assertThat(dialog.sendInfo("text/plain", "x").get(5, TimeUnit.SECONDS))
                .isInstanceOf(RequestOutcome.Failed.class);
    }
}
