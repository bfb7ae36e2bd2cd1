package org.pchat.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Closing an endpoint ends its dialogs, frees its ports and leaves no thread behind. */
class ShutdownTest {

    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }

    @Test
    void closeLeavesNoStackOrEndpointThreadsRunning() throws Exception {
        Set<Thread> before = liveThreads();
        RecordingApp app = new RecordingApp();
        SipEndpoint endpoint = TestEndpoints.start(TestEndpoints.config("shutdown").build(), app);
        try (RawUac uac = new RawUac(RawTransport.tcp(endpoint.boundPort(SipTransport.TCP)), false)) {
            uac.sendInvite();
            uac.ack();
            endpoint.dialogs().get(0).sendInfo("text/plain", "<xccos/>");
            uac.respond(uac.awaitRequest("INFO"), 200, "OK");

            endpoint.close();
        }

        await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Set<Thread> leaked = liveThreads();
            leaked.removeAll(before);
            assertThat(leaked).extracting(Thread::getName).isEmpty();
        });
    }

    @Test
    void closeEndsConfirmedDialogsAndTellsTheApplication() throws Exception {
        RecordingApp app = new RecordingApp();
        SipEndpoint endpoint = TestEndpoints.start(TestEndpoints.config("shutdown-dialogs").build(), app);
        try (RawUac uac = new RawUac(RawTransport.tcp(endpoint.boundPort(SipTransport.TCP)), false)) {
            uac.sendInvite();
            uac.ack();

            endpoint.close();

            assertThat(app.terminations).singleElement()
                    .extracting(RecordingApp.Termination::reason).isEqualTo(TerminationReason.ENDPOINT_CLOSED);
            assertThat(endpoint.dialogs()).isEmpty();
        }
    }

    @Test
    void gracefulCloseSendsByeToEveryConfirmedDialog_rfc3261_15() throws Exception {
        RecordingApp app = new RecordingApp();
        SipEndpoint endpoint = TestEndpoints.start(TestEndpoints.config("shutdown-bye").build(), app);
        try (RawUac uac = new RawUac(RawTransport.tcp(endpoint.boundPort(SipTransport.TCP)), false)) {
            uac.sendInvite();
            uac.ack();
            Thread answering = new Thread(() -> {
                try {
                    uac.respond(uac.awaitRequest("BYE"), 200, "OK");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "test-bye-answerer");
            answering.start();

            endpoint.closeGracefully(Duration.ofSeconds(5));
            answering.join(10_000);

            assertThat(app.terminations).singleElement()
                    .extracting(RecordingApp.Termination::reason).isEqualTo(TerminationReason.BYE_SENT);
        }
    }

    @Test
    void portsAreFreeAgainAfterClose() throws Exception {
        SipEndpoint first = TestEndpoints.start(TestEndpoints.config("ports-1").build(), new RecordingApp());
        int tcp = first.boundPort(SipTransport.TCP);
        int udp = first.boundPort(SipTransport.UDP);
        first.close();

        SipEndpoint second = TestEndpoints.start(SipStackConfig.builder("ports-2").bindAddress("127.0.0.1")
                .listen(SipTransport.TCP, tcp).listen(SipTransport.UDP, udp).threadPoolSize(2).build(),
                new RecordingApp());
        try {
            assertThat(second.boundPort(SipTransport.TCP)).isEqualTo(tcp);
            assertThat(second.boundPort(SipTransport.UDP)).isEqualTo(udp);
        } finally {
            second.close();
        }
    }
}
