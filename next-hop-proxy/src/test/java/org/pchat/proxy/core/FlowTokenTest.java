package org.pchat.proxy.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pchat.sip.Flow;
import org.pchat.sip.SipTransport;

/** Flow tokens in Record-Route (the RFC 5626 §5.3 idea): round trip, and forgeries refused. */
class FlowTokenTest {

    private final FlowToken tokens = new FlowToken(new byte[32]);

    @Test
    void roundTripsTransportAddressAndPort() {
        Flow flow = new Flow(SipTransport.TLS, "2001:db8::1", 51648);

        assertThat(tokens.decode(tokens.encode(flow))).hasValue(flow);
    }

    @Test
    void tamperedTokenIsRefused() {
        String token = tokens.encode(new Flow(SipTransport.TCP, "192.0.2.1", 5060));

        assertThat(tokens.decode(token.replace("192.0.2.1", "192.0.2.66"))).isEmpty();
        assertThat(tokens.decode("t~192.0.2.1~5060~0000000000000000")).isEmpty();
        assertThat(tokens.decode("garbage")).isEmpty();
    }

    @Test
    void tokenOfAnotherKeyIsRefused() {
        byte[] key = new byte[32];
        key[0] = 1;
        String foreign = new FlowToken(key).encode(new Flow(SipTransport.UDP, "192.0.2.1", 5060));

        assertThat(tokens.decode(foreign)).isEmpty();
    }
}
