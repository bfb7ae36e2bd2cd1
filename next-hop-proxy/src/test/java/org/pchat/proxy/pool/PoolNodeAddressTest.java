package org.pchat.proxy.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pchat.sip.SipTransport;

/** The {@code proxy.nodes} entry syntax. */
class PoolNodeAddressTest {

    @Test
    void parsesHostPortAndDefaults() {
        assertThat(PoolNodeAddress.parse("node1.example.com")).isEqualTo(
                new PoolNodeAddress("node1.example.com", 5070, SipTransport.TCP));
        assertThat(PoolNodeAddress.parse("10.0.0.2:5080;transport=udp")).isEqualTo(
                new PoolNodeAddress("10.0.0.2", 5080, SipTransport.UDP));
        assertThat(PoolNodeAddress.parse("[::1]:5071").host()).isEqualTo("::1");
    }

    @Test
    void badPortIsNamed() {
        assertThatThrownBy(() -> PoolNodeAddress.parse("10.0.0.2:x"))
                .hasMessageContaining("10.0.0.2:x").hasMessageContaining("'x' is not a number");
        assertThatThrownBy(() -> PoolNodeAddress.parse("10.0.0.2:70000"))
                .hasMessageContaining("70000").hasMessageContaining("1..65535");
    }
}
