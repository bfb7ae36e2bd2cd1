package org.pchat.proxy.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A response to a request forwarded statelessly loses our Via and goes where the next one says (RFC 3261 §16.11,
 * §18.2.2; RFC 3581 §4), from its bytes; every other shape is left to the stack.
 */
class StatelessResponseRelayTest {

    private static final String OURS = "Via: SIP/2.0/TCP 127.0.0.1:5070;branch=z9hG4bK-pxy-1f-s2e;rport=5070\r\n";
    private static final String REST = """
            From: <sip:ocschat@example.com>;tag=n1\r
            To: <sip:alice@example.com>;tag=a1\r
            Call-ID: chat-1\r
            CSeq: 7 INFO\r
            Content-Length: 4\r
            \r
            """;

    private static Optional<StatelessResponseRelay.Relay> relay(String vias) {
        return StatelessResponseRelay.relay(("SIP/2.0 200 OK\r\n" + vias + REST).getBytes(StandardCharsets.UTF_8),
                "body".getBytes(StandardCharsets.UTF_8), "127.0.0.1");
    }

    private static String text(StatelessResponseRelay.Relay relay) {
        return new String(relay.message(), StandardCharsets.UTF_8);
    }

    @Test
    void ourViaIsCutAndTheRestGoesToTheNextViasRport_rfc3581_section4() {
        String next = "Via: SIP/2.0/TCP 10.0.0.1:5061;branch=z9hG4bKd1.2;rport=43210\r\n";

        StatelessResponseRelay.Relay relay = relay(OURS + next).orElseThrow();

        assertThat(text(relay)).isEqualTo("SIP/2.0 200 OK\r\n" + next + REST + "body");
        assertThat(relay.host()).isEqualTo("10.0.0.1");
        assertThat(relay.port()).isEqualTo(43210);
    }

    @Test
    void receivedNamesTheHostAndTheSentByPortOrItsDefaultThePort_rfc3261_18_2_2() {
        assertThat(relay(OURS + "Via: SIP/2.0/TCP node.example.com:5061;branch=b;received=10.0.0.9\r\n"))
                .hasValueSatisfying(r -> {
                    assertThat(r.host()).isEqualTo("10.0.0.9");
                    assertThat(r.port()).isEqualTo(5061);
                });
        assertThat(relay(OURS + "Via: SIP/2.0/TCP 10.0.0.1;branch=b;rport\r\n"))
                .hasValueSatisfying(r -> assertThat(r.port()).isEqualTo(5060));
        assertThat(relay(OURS + "Via: SIP/2.0/TCP [2001:db8::1]:5061;branch=b\r\n"))
                .hasValueSatisfying(r -> assertThat(r.host()).isEqualTo("2001:db8::1"));
    }

    @Test
    void compactNamesAnyCaseAndASecondValueInTheNextLineAreRead_rfc3261_7_3_3() {
        String next = "v : sip/2.0/tcp 10.0.0.1:5061 ; branch=b ; rport=4000, SIP/2.0/TCP 10.0.0.7;branch=c\r\n";

        StatelessResponseRelay.Relay relay = relay(OURS.replace("Via:", "VIA:") + next).orElseThrow();

        assertThat(text(relay)).startsWith("SIP/2.0 200 OK\r\n" + next);
        assertThat(relay.port()).isEqualTo(4000);
    }

    @Test
    void ourValueIsCutFromACommaSeparatedLine_rfc3261_7_3_1() {
        String line = "Via: SIP/2.0/TCP 127.0.0.1:5070;branch=z9hG4bK-pxy-1f-s2e,"
                + "SIP/2.0/TCP 10.0.0.1:5061;branch=z9hG4bKd1.2;rport=43210, SIP/2.0/TCP 10.0.0.8;branch=c\r\n";

        StatelessResponseRelay.Relay relay = relay(line).orElseThrow();

        assertThat(text(relay)).isEqualTo("SIP/2.0 200 OK\r\nVia: SIP/2.0/TCP 10.0.0.1:5061;branch=z9hG4bKd1.2;"
                + "rport=43210, SIP/2.0/TCP 10.0.0.8;branch=c\r\n" + REST + "body");
        assertThat(relay.host()).isEqualTo("10.0.0.1");
        assertThat(relay.port()).isEqualTo(43210);
    }

    @Test
    void otherShapesAreLeftToTheStack() {
        String next = "Via: SIP/2.0/TCP 10.0.0.1:5061;branch=b\r\n";
        assertThat(relay(OURS.replace("127.0.0.1", "127.0.0.2") + next)).as("top Via not ours").isEmpty();
        assertThat(relay(OURS)).as("no next Via").isEmpty();
        assertThat(relay(OURS + next.replace("TCP", "UDP"))).as("next hop over UDP").isEmpty();
        assertThat(relay(OURS + next.replace("10.0.0.1", "node.example.com"))).as("a name to resolve").isEmpty();
        assertThat(relay(OURS + next.replace("5061", "99999"))).as("no port").isEmpty();
    }

    @Test
    void onlyBranchesOfStatelessForwardingAreTaken() {
        assertThat(Forwarder.isStatelessBranch("z9hG4bK-pxy-1f2e-s9a")).isTrue();
        assertThat(Forwarder.isStatelessBranch("z9hG4bK-pxy-1f2e-17")).as("a client transaction's").isFalse();
        assertThat(Forwarder.isStatelessBranch("z9hG4bKd1.2")).isFalse();
        assertThat(Forwarder.isStatelessBranch(null)).isFalse();
    }
}
