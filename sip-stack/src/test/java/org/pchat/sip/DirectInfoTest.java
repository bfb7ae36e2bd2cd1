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
 * Server INFOs after a dialog's first are written from its {@link DialogRequestTemplate} and answered through
 * {@link DirectRequests}, without a client transaction. On the wire they must be what the RI sends (RFC 3261
 * §12.2.1.1: the dialog's Call-ID, tags, Request-URI and a CSeq one higher each time) and their outcomes those of
 * a non-INVITE client transaction over TCP (§17.1.2.2, §17.1.3).
 */
class DirectInfoTest {

    private static final int T1_MILLIS = 50;

    private RecordingApp app;
    private SipEndpoint endpoint;
    private RawUac uac;
    private DialogHandle dialog;

    @BeforeEach
    void start() throws Exception {
        app = new RecordingApp();
        endpoint = TestEndpoints.start(TestEndpoints.config("direct").t1Millis(T1_MILLIS).build(), app);
        uac = new RawUac(RawTransport.tcp(endpoint.boundPort(SipTransport.TCP)), true);
        uac.sendInvite();
        uac.ack();
        dialog = endpoint.dialogs().get(0);
    }

    @AfterEach
    void stop() throws Exception {
        uac.close();
        endpoint.close();
    }

    /** Sends an INFO, answers it with {@code status} and returns what the client received. */
    private RawSipMessage exchange(String body, int status) throws Exception {
        CompletableFuture<RequestOutcome> outcome = dialog.sendInfo("text/plain; charset=utf-8", body);
        RawSipMessage info = uac.awaitRequest("INFO");
        uac.respond(info, status, status == 200 ? "OK" : "Call Leg Does Not Exist");
        outcome.get(10, TimeUnit.SECONDS);
        return info;
    }

    private static String branch(RawSipMessage message) {
        String via = message.header("Via").orElseThrow();
        return via.substring(via.indexOf(";branch=") + ";branch=".length()).split(";")[0];
    }

    @Test
    void laterInfosCarryTheDialogsIdentityAndTheNextCSeq_rfc3261_12_2_1_1() throws Exception {
        RawSipMessage first = exchange("<first/>", 200);
        RawSipMessage second = exchange("<second é/>", 200);
        RawSipMessage third = exchange("<third/>", 200);

        assertThat(branch(second)).as("written without a client transaction").startsWith("z9hG4bKd")
                .isNotEqualTo(branch(third));
        assertThat(branch(first)).doesNotStartWith("z9hG4bKd");
        for (RawSipMessage later : new RawSipMessage[] {second, third}) {
            assertThat(later.startLine()).isEqualTo(first.startLine());
            for (String name : new String[] {"From", "To", "Call-ID", "Max-Forwards"}) {
                assertThat(later.header(name)).as(name).isEqualTo(first.header(name));
            }
            assertThat(later.header("Content-Type").orElseThrow().replace(" ", ""))
                    .isEqualTo(first.header("Content-Type").orElseThrow());
            assertThat(later.header("Via").orElseThrow().replace(branch(later), ""))
                    .isEqualTo(first.header("Via").orElseThrow().replace(branch(first), ""));
        }
        assertThat(second.cseq()).isEqualTo(first.cseq() + 1);
        assertThat(third.cseq()).isEqualTo(first.cseq() + 2);
        assertThat(second.header("CSeq")).hasValue(second.cseq() + " INFO");
        assertThat(second.body()).isEqualTo("<second é/>");
        assertThat(second.header("Content-Length")).hasValue(String.valueOf(
                "<second é/>".getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        assertThat(app.failures).isEmpty();
    }

    @Test
    void aRequestTheStackSendsAfterDirectOnesTakesTheNextCSeq() throws Exception {
        RawSipMessage first = exchange("<first/>", 200);
        exchange("<second/>", 200);

        CompletableFuture<RequestOutcome> bye = dialog.sendBye();
        RawSipMessage byeRequest = uac.awaitRequest("BYE");
        uac.respond(byeRequest, 200, "OK");

        assertThat(byeRequest.cseq()).isEqualTo(first.cseq() + 2);
        assertThat(bye.get(10, TimeUnit.SECONDS)).isInstanceOf(RequestOutcome.Success.class);
    }

    @Test
    void aDirectInfoAnswered481IsRejectedWithTheResponse_xccos_2_2() throws Exception {
        exchange("<first/>", 200);
        CompletableFuture<RequestOutcome> outcome = dialog.sendInfo("text/plain", "<second/>");
        uac.respond(uac.awaitRequest("INFO"), 481, "Call Leg Does Not Exist");

        assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(RequestOutcome.Rejected.class,
                r -> assertThat(r.response().getReasonPhrase()).isEqualTo("Call Leg Does Not Exist"));
        await().atMost(Duration.ofSeconds(5)).until(() -> app.failures.size() == 1);
        assertThat(app.failures.get(0).dialog()).isSameAs(dialog);
    }

    @Test
    void aProvisionalAnswerLeavesItPendingAndTheFirstFinalOneCounts_rfc3261_17_1_2_2() throws Exception {
        exchange("<first/>", 200);
        CompletableFuture<RequestOutcome> outcome = dialog.sendInfo("text/plain", "<second/>");
        RawSipMessage info = uac.awaitRequest("INFO");

        uac.respond(info, 100, "Trying");
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !outcome.isDone());
        uac.respond(info, 200, "OK");
        uac.respond(info, 481, "Call Leg Does Not Exist");

        assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo(new RequestOutcome.Success(200));
        await("the late 481 is dropped").during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2))
                .until(app.failures::isEmpty);
    }

    @Test
    void anUnansweredDirectInfoTimesOutAfter64T1_rfc3261_17_1_2_2() throws Exception {
        exchange("<first/>", 200);
        CompletableFuture<RequestOutcome> outcome = dialog.sendInfo("text/plain", "<second/>");
        assertThat(branch(uac.awaitRequest("INFO"))).startsWith("z9hG4bKd");

        assertThat(outcome.get(30, TimeUnit.SECONDS)).isInstanceOfSatisfying(RequestOutcome.TimedOut.class,
                t -> assertThat(t.timeoutMillis()).isEqualTo(64L * T1_MILLIS));
        await().atMost(Duration.ofSeconds(5)).until(() -> app.failures.size() == 1);
    }

    @Test
    void aTargetRefreshSendsLaterInfosToTheNewTarget_rfc3311_section5_2() throws Exception {
        exchange("<first/>", 200);
        exchange("<second/>", 200);
        String moved = "sip:alice@example.com:5999;maddr=127.0.0.1;transport=tcp";

        RawSipMessage updated = uac.request(uac.inDialog("UPDATE", null, "", "Contact: <" + moved + ">"), "UPDATE");
        assertThat(updated.status()).isEqualTo(200);
        RawSipMessage third = exchange("<third/>", 200);

        assertThat(third.requestUri()).isEqualTo(moved);
    }
}
