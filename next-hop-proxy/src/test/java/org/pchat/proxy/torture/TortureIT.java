package org.pchat.proxy.torture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pchat.proxy.support.FakeNode;
import org.pchat.proxy.support.ProxyFixture;
import org.pchat.proxy.support.SipSocket;
import org.pchat.proxy.support.SipText;

/**
 * Every RFC 4475 §3.1 torture message, over UDP (top Via pointed at the test socket so answers come back) and
 * over TCP as written: valid requests are processed (answered, never with 400), invalid ones get the status the
 * RFC names (400, or 501/505 where it says so) or are discarded, responses without a transaction are dropped,
 * nothing reaches the chat node, and the proxy keeps answering.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TortureIT {

    private static final Duration ANSWER_WAIT = Duration.ofSeconds(2);
    private FakeNode node;
    private ProxyFixture fixture;

    @BeforeAll
    void start() {
        node = new FakeNode("torture-node");
        fixture = new ProxyFixture(List.of(node.address()));
    }

    @AfterAll
    void stop() {
        fixture.close();
        node.close();
    }

    Stream<TortureMessages.Torture> messages() {
        return TortureMessages.ALL.stream();
    }

    /** The message with its first Via pointing at {@code port} over UDP, the rest untouched. */
    static byte[] viaTo(byte[] message, int port) {
        String text = new String(message, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n", -1);
        StringBuilder out = new StringBuilder();
        boolean done = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            String name = colon > 0 ? line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT) : "";
            if (!done && i > 0 && (name.equals("via") || name.equals("v"))) {
                StringBuilder value = new StringBuilder(line.substring(colon + 1));
                while (i + 1 < lines.length && (lines[i + 1].startsWith(" ") || lines[i + 1].startsWith("\t"))) {
                    value.append(' ').append(lines[++i].trim());
                }
                int semi = value.indexOf(";");
                int comma = value.indexOf(",");
                int cut = semi < 0 ? (comma < 0 ? value.length() : comma) : (comma < 0 ? semi : Math.min(semi, comma));
                java.util.regex.Matcher version = java.util.regex.Pattern.compile("^\\s*SIP\\s*/\\s*([0-9.]+)")
                        .matcher(value);
                out.append("Via: SIP/").append(version.find() ? version.group(1) : "2.0").append("/UDP 127.0.0.1:")
                        .append(port).append(value.substring(cut)).append("\r\n");
                done = true;
                continue;
            }
            out.append(line).append(i < lines.length - 1 ? "\r\n" : "");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void assertProxyAnswers(SipSocket socket, String after) throws IOException {
        String callId = "alive-" + System.nanoTime();
        socket.send("OPTIONS sip:127.0.0.1:" + fixture.udpPort() + " SIP/2.0\n"
                + "Via: SIP/2.0/" + socket.transport().toUpperCase(java.util.Locale.ROOT) + " 127.0.0.1:"
                + socket.localPort() + ";branch=z9hG4bK" + callId + "\n"
                + "From: <sip:probe@example.com>;tag=1\nTo: <sip:127.0.0.1>\nCall-ID: " + callId + "\n"
                + "CSeq: 1 OPTIONS\nMax-Forwards: 70\nContent-Length: 0\n\n");
        SipText ok = socket.await(m -> m.isResponse() && m.header("Call-ID").orElse("").equals(callId));
        assertThat(ok.status()).as("Expected the proxy to answer OPTIONS after %s", after).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} over UDP")
    @MethodSource("messages")
    void tortureMessageOverUdpIsHandledAsRfc4475Says(TortureMessages.Torture torture) throws Exception {
        try (SipSocket socket = SipSocket.udp(fixture.udpPort())) {
            socket.sendRaw(viaTo(torture.bytes(), socket.localPort()));
            Optional<SipText> answer = socket.receive(ANSWER_WAIT);

            switch (torture.expect()) {
                case VALID_REQUEST -> {
                    assertThat(answer).as("Expected %s to be processed and answered", torture).isPresent();
                    assertThat(answer.get().status()).as("Expected %s not to be refused as malformed (got %s)",
                            torture, answer.get()).isNotEqualTo(400).isBetween(100, 699);
                }
                case VALID_RESPONSE -> assertThat(answer).as("Expected %s (no transaction) to be dropped", torture)
                        .isEmpty();
                case INVALID -> answer.ifPresent(a -> assertThat(a.status())
                        .as("Expected %s to be rejected with %s or discarded (got %s)", torture, torture.allowed(),
                                a.startLine()).isIn(torture.allowed()));
            }
            assertProxyAnswers(socket, torture.toString());
            assertThat(node.received).as("Expected nothing but health checks to reach the chat node")
                .allMatch(r -> r.method().equals("OPTIONS") && r.callId().startsWith("health-"));
        }
    }

    @ParameterizedTest(name = "{0} over TCP")
    @MethodSource("messages")
    void tortureMessageOverTcpNeverHurtsTheProxy(TortureMessages.Torture torture) throws Exception {
        try (SipSocket socket = SipSocket.tcp(fixture.tcpPort())) {
            socket.sendRaw(torture.bytes());
            Optional<SipText> answer = socket.receive(Duration.ofMillis(500));
            if (torture.expect() == TortureMessages.Expect.INVALID) {
                answer.ifPresent(a -> assertThat(a.status())
                        .as("Expected %s to be rejected with %s or discarded (got %s)", torture, torture.allowed(),
                                a.startLine()).isIn(torture.allowed()));
            }
        }
        try (SipSocket fresh = SipSocket.tcp(fixture.tcpPort())) {
            assertProxyAnswers(fresh, torture + " over TCP");
        }
        assertThat(fixture.proxy.bindings("sip:j.user@example.com")).isEmpty();
        assertThat(node.received).as("Expected nothing but health checks to reach the chat node")
                .allMatch(r -> r.method().equals("OPTIONS") && r.callId().startsWith("health-"));
    }
}
