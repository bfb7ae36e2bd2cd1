package org.pchat.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pchat.sip.logging.Slf4jServerLogger;
import org.pchat.sip.logging.Slf4jStackLogger;

/** JAIN-SIP logs through SLF4J; log4j 1.x is never needed. */
class LoggingBridgeTest {

    @Test
    void log4jIsNotOnTheClasspath() {
        assertThatThrownBy(() -> Class.forName("org.apache.log4j.Logger"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void stackInternalLogAndMessageTraceArriveInSlf4j() throws Exception {
        try (LogCapture stackLog = new LogCapture(Slf4jStackLogger.class, Level.DEBUG);
             LogCapture traceLog = new LogCapture(Slf4jServerLogger.class, Level.DEBUG)) {
            RecordingApp app = new RecordingApp();
            SipEndpoint endpoint = TestEndpoints.start(TestEndpoints.config("logging").build(), app);
            try (RawUac uac = new RawUac(RawTransport.tcp(endpoint.boundPort(SipTransport.TCP)), false)) {
                uac.sendInvite();
            } finally {
                endpoint.close();
            }

            assertThat(stackLog.events()).isNotEmpty();
            assertThat(traceLog.events()).extracting(e -> e.getFormattedMessage())
                    .anyMatch(m -> m.startsWith("logging <-- ") && m.contains("INVITE sip:ocschat@example.com"))
                    .anyMatch(m -> m.startsWith("logging --> ") && m.contains("SIP/2.0 200 OK"));
        }
    }

    @Test
    void stackErrorsAboutBadInputDoNotCarryTheMessageBody() throws Exception {
        try (LogCapture stackLog = new LogCapture(Slf4jStackLogger.class, Level.WARN)) {
            SipEndpoint endpoint = TestEndpoints.start(TestEndpoints.config("log-body").build(), new RecordingApp());
            try (RawTransport tcp = RawTransport.tcp(endpoint.boundPort(SipTransport.TCP));
                 RawUac uac = new RawUac(tcp, true)) {
                String body = "private chat text";
                tcp.send(RawTransport.crlf("""
                        INFO sip:ocschat@127.0.0.1 SIP/2.0
                        Via: SIP/2.0/TCP 127.0.0.1:%d;branch=z9hG4bK-%s
                        From: <sip:alice@example.com>;tag=a1
                        To: <sip:ocschat@example.com>;tag=b2
                        Call-ID: %s
                        CSeq: 1 OPTIONS
                        Max-Forwards: 70
                        Content-Type: text/plain
                        Content-Length: %d

                        %s""".formatted(tcp.localPort(), UUID.randomUUID(), UUID.randomUUID(), body.length(), body)));
                assertThat(uac.awaitFinal("OPTIONS").status()).isEqualTo(400);
            } finally {
                endpoint.close();
            }

            assertThat(stackLog.atLeast(Level.WARN)).isNotEmpty()
                    .noneMatch(e -> e.getFormattedMessage().contains("private chat text"));
        }
    }

    @Test
    void messageTraceMasksCredentials() {
        String masked = Slf4jServerLogger.maskCredentials("""
                REGISTER sip:example.com SIP/2.0\r
                Proxy-Authorization: Digest username="alice", response="0123456789abcdef"\r
                Authorization: NTLM secret\r
                Call-ID: c1\r
                """);

        assertThat(masked).contains("Proxy-Authorization: ****").contains("Authorization: ****")
                .contains("Call-ID: c1").doesNotContain("0123456789abcdef").doesNotContain("secret");
    }
}
