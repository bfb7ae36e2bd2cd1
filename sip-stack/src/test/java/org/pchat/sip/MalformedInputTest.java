package org.pchat.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Malformed SIP gets 400 where RFC 3261 allows an answer, or is dropped; the endpoint keeps serving others. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputTest {

    private final RecordingApp app = new RecordingApp();
    private SipEndpoint endpoint;

    @BeforeAll
    void startEndpoint() {
        endpoint = TestEndpoints.start(TestEndpoints.config("malformed").build(), app);
    }

    @AfterAll
    void stopEndpoint() {
        endpoint.close();
    }

    @BeforeEach
    void reset() {
        app.reset();
    }

    private static String options(RawTransport transport, String cseq, String from) {
        return RawTransport.crlf("""
                OPTIONS sip:ocschat@127.0.0.1 SIP/2.0
                Via: SIP/2.0/%s 127.0.0.1:%d;branch=z9hG4bK%s
                From: %s
                To: <sip:ocschat@example.com>
                Call-ID: %s
                CSeq: %s
                Max-Forwards: 70
                Content-Length: 0

                """.formatted(transport.viaTransport(), transport.localPort(), UUID.randomUUID(), from,
                UUID.randomUUID(), cseq));
    }

    private static String validOptions(RawTransport transport) {
        return options(transport, "1 OPTIONS", "<sip:alice@example.com>;tag=a1");
    }

    private void assertServes(RawTransport transport) throws Exception {
        transport.send(validOptions(transport));
        RawSipMessage ok = receiveFinal(transport);
        assertThat(ok.status()).isEqualTo(200);
    }

    private static RawSipMessage receiveFinal(RawTransport transport) throws Exception {
        while (true) {
            Optional<RawSipMessage> next = transport.receive(Duration.ofSeconds(10));
            assertThat(next).as("a response within 10 s").isPresent();
            if (next.get().isResponse() && next.get().status() >= 200) {
                return next.get();
            }
        }
    }

    @Test
    void cseqMethodMismatchOverUdpGets400_rfc3261_8_1_1_5() throws Exception {
        try (RawTransport udp = RawTransport.udp(endpoint.boundPort(SipTransport.UDP))) {
            udp.send(options(udp, "1 INFO", "<sip:alice@example.com>;tag=a1"));

            assertThat(receiveFinal(udp).status()).isEqualTo(400);
            assertServes(udp);
            assertThat(app.deliveredCount("OPTIONS")).isEqualTo(1);
        }
    }

    @Test
    void unparsableCseqOverUdpGets400_rfc3261_21_4_1() throws Exception {
        try (RawTransport udp = RawTransport.udp(endpoint.boundPort(SipTransport.UDP))) {
            udp.send(options(udp, "one OPTIONS", "<sip:alice@example.com>;tag=a1"));

            assertThat(receiveFinal(udp).status()).isEqualTo(400);
            assertServes(udp);
        }
    }

    @Test
    void cseqMethodMismatchOverTcpGets400_rfc3261_8_1_1_5() throws Exception {
        try (RawTransport tcp = RawTransport.tcp(endpoint.boundPort(SipTransport.TCP))) {
            tcp.send(options(tcp, "1 INFO", "<sip:alice@example.com>;tag=a1"));

            assertThat(receiveFinal(tcp).status()).isEqualTo(400);
            assertThat(app.delivered).isEmpty();
        }
    }

    @Test
    void malformedMandatoryHeaderOverTcpIsDroppedAndTheConnectionKeepsServing_rfc3261_18_3() throws Exception {
        // Content-Length still frames the stream, so the RI drops the message and keeps the connection.
        try (RawTransport tcp = RawTransport.tcp(endpoint.boundPort(SipTransport.TCP));
             RawTransport other = RawTransport.tcp(endpoint.boundPort(SipTransport.TCP))) {
            tcp.send(options(tcp, "1 OPTIONS", "<<<not a uri"));

            assertThat(tcp.receive(Duration.ofMillis(500))).isEmpty();
            assertServes(tcp);
            assertServes(other);
            assertThat(app.deliveredCount("OPTIONS")).isEqualTo(2);
        }
    }

    @Test
    void garbageOverUdpIsDroppedAndTheEndpointKeepsServing() throws Exception {
        try (RawTransport udp = RawTransport.udp(endpoint.boundPort(SipTransport.UDP))) {
            udp.send("\u0000\u0001 this is not SIP at all\r\n\r\n");

            assertThat(udp.receive(Duration.ofMillis(500))).isEmpty();
            assertServes(udp);
        }
    }

    @Test
    void aBodyOverMaxMessageSizeOverTcpGets513AndTheConnectionKeepsServing_rfc3261_21_5_14() throws Exception {
        // the body is not read into memory: the headers go on for the 513, the body bytes are skipped
        int size = SipStackConfig.DEFAULT_MAX_MESSAGE_SIZE + 1;
        try (RawTransport tcp = RawTransport.tcp(endpoint.boundPort(SipTransport.TCP))) {
            String head = validOptions(tcp).replace("Content-Length: 0",
                    "Content-Type: text/plain\r\nContent-Length: " + size);
            tcp.send(head + "x".repeat(size));

            assertThat(receiveFinal(tcp).status()).isEqualTo(513);
            assertServes(tcp);
            assertThat(app.deliveredCount("OPTIONS")).isEqualTo(1);
        }
    }

    @Test
    void aContentLengthThatIsNotANumberOverTcpClosesThatConnectionOnly_rfc3261_20_14() throws Exception {
        // the stream cannot be framed past it
        try (RawTransport tcp = RawTransport.tcp(endpoint.boundPort(SipTransport.TCP));
             RawTransport other = RawTransport.tcp(endpoint.boundPort(SipTransport.TCP))) {
            tcp.send(validOptions(tcp).replace("Content-Length: 0", "Content-Length: zero"));

            assertThat(tcp.closedByPeer(Duration.ofSeconds(5))).isTrue();
            assertServes(other);
        }
    }
}
