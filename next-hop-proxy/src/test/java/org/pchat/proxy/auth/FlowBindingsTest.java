package org.pchat.proxy.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pchat.sip.Flow;
import org.pchat.sip.SipTransport;

/** Connections bound to their authenticated user (xccos.md §11), for as long as the registration lasts. */
class FlowBindingsTest {

    private final NonceServiceTest.MutableClock clock = new NonceServiceTest.MutableClock();
    private final FlowBindings bindings = new FlowBindings(clock, 2);
    private final Flow tcp = new Flow(SipTransport.TCP, "192.0.2.1", 50000);

    @Test
    void boundConnectionNamesItsUserUntilTheBindingExpires() {
        bindings.bind(tcp, "sip:alice@example.com", 60);

        assertThat(bindings.userOf(tcp)).hasValue("sip:alice@example.com");
        clock.advance(Duration.ofSeconds(61));
        assertThat(bindings.userOf(tcp)).isEmpty();
    }

    @Test
    void udpFlowsAreNeverBound() {
        Flow udp = new Flow(SipTransport.UDP, "192.0.2.1", 5060);

        assertThat(bindings.bind(udp, "sip:alice@example.com", 60)).isFalse();
        assertThat(bindings.userOf(udp)).isEmpty();
    }

    @Test
    void fullTableMakesRoomByDroppingExpiredBindings() {
        bindings.bind(tcp, "sip:alice@example.com", 10);
        bindings.bind(new Flow(SipTransport.TCP, "192.0.2.2", 1), "sip:bob@example.com", 10);
        Flow third = new Flow(SipTransport.TCP, "192.0.2.3", 1);
        assertThat(bindings.bind(third, "sip:carol@example.com", 10)).isFalse();

        clock.advance(Duration.ofSeconds(11));

        assertThat(bindings.bind(third, "sip:carol@example.com", 10)).isTrue();
    }

    @Test
    void failedConnectionIsForgotten() {
        bindings.bind(tcp, "sip:alice@example.com", 60);

        bindings.unbind("192.0.2.1", 50000);

        assertThat(bindings.userOf(tcp)).isEmpty();
    }
}
