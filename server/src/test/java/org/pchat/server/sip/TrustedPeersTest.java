package org.pchat.server.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Only configured peers may send the node SIP traffic (the proxy vouches for the From URI). */
class TrustedPeersTest {

    @Test
    void loopbackAcceptsEveryLoopbackAddressAndNothingElse() {
        TrustedPeers peers = new TrustedPeers(List.of(SipChatConfig.LOOPBACK));

        assertThat(peers.allows("127.0.0.1")).isTrue();
        assertThat(peers.allows("127.0.0.2")).isTrue();
        assertThat(peers.allows("::1")).isTrue();
        assertThat(peers.allows("192.0.2.7")).isFalse();
    }

    @Test
    void listedAddressesAreComparedInCanonicalForm() {
        TrustedPeers peers = new TrustedPeers(List.of("2001:db8:0:0:0:0:0:1", "192.0.2.7"));

        assertThat(peers.allows("2001:db8::1")).isTrue();
        assertThat(peers.allows("192.0.2.7")).isTrue();
        assertThat(peers.allows("127.0.0.1")).isFalse();
    }

    @Test
    void aHostNameIsNeverLookedUpAndNeverAllowed() {
        assertThat(new TrustedPeers(List.of(SipChatConfig.ANY)).allows("127.0.0.1")).isTrue();
        assertThat(new TrustedPeers(List.of("192.0.2.7")).allows("proxy.example.com")).isFalse();
    }

    @Test
    void aConfiguredHostNameIsRefusedNamingTheEntryAndTheNode() {
        assertThatThrownBy(() -> TrustedPeers.validate("node1", List.of("proxy.example.com")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("proxy.example.com").hasMessageContaining("node1");
    }
}
