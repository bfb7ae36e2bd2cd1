package org.pchat.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The endpoint's TCP connections are framed by {@link SipStreamFramer} (RFC 3261 §18.3). */
class TcpFramingTest {

    private final RecordingApp app = new RecordingApp();
    private SipEndpoint endpoint;

    @BeforeEach
    void start() {
        endpoint = TestEndpoints.start(TestEndpoints.config("framing").build(), app);
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private static String message(RawTransport transport, String callId, int cseq, String lengthHeader, String body) {
        return RawTransport.crlf("""
                MESSAGE sip:ocschat@127.0.0.1 SIP/2.0
                Via: SIP/2.0/TCP 127.0.0.1:%d;branch=z9hG4bK%s
                From: <sip:alice@example.com>;tag=a1
                To: <sip:ocschat@example.com>
                Call-ID: %s
                CSeq: %d MESSAGE
                Max-Forwards: 70
                Content-Type: text/plain
                %s: %d

                """.formatted(transport.localPort(), UUID.randomUUID(), callId, cseq, lengthHeader,
                body.length())) + body;
    }

    /**
     * RFC 3261 §7.3.3: the compact form {@code l} frames the body like Content-Length (the RI's own framing read
     * only the long form, so the body became the start of a next message).
     */
    @Test
    void aCompactContentLengthFramesTheBodyAndTheNextMessage_rfc3261_7_3_3() throws Exception {
        try (RawTransport tcp = RawTransport.tcp(endpoint.boundPort(SipTransport.TCP))) {
            tcp.send(message(tcp, "compact-1", 1, "l", "hello")
                    + message(tcp, "compact-2", 1, "Content-Length", "world"));

            // two Call-IDs: handled in parallel, so in either order
            assertThat(List.of(app.awaitRequest("MESSAGE"), app.awaitRequest("MESSAGE")))
                    .extracting(r -> r.callId() + ": " + r.bodyAsString())
                    .containsExactlyInAnyOrder("compact-1: hello", "compact-2: world");
            assertThat(finalStatus(tcp)).isEqualTo(200);
            assertThat(finalStatus(tcp)).isEqualTo(200);
        }
    }

    /** Requests of one Call-ID read together reach the application in the order they were sent. */
    @Test
    void requestsOfOneCallIdWrittenTogetherArriveInOrder() throws Exception {
        try (RawTransport tcp = RawTransport.tcp(endpoint.boundPort(SipTransport.TCP))) {
            StringBuilder burst = new StringBuilder();
            for (int cseq = 1; cseq <= 50; cseq++) {
                burst.append(message(tcp, "ordered-1", cseq, "Content-Length", "m" + cseq));
            }
            tcp.send(burst.toString());

            await().atMost(Duration.ofSeconds(10)).until(() -> app.deliveredCount("MESSAGE") == 50);
            assertThat(app.delivered).extracting(IncomingRequest::bodyAsString)
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 50).mapToObj(n -> "m" + n)
                            .toList());
        }
    }

    private static int finalStatus(RawTransport transport) throws Exception {
        while (true) {
            Optional<RawSipMessage> next = transport.receive(Duration.ofSeconds(10));
            assertThat(next).as("a response within 10 s").isPresent();
            if (next.get().isResponse() && next.get().status() >= 200) {
                return next.get().status();
            }
        }
    }
}
