package org.pchat.server.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pchat.server.config.XmppConfig;

/** The validated settings of the XMPP endpoint. */
class XmppEndpointConfigTest {

    @Test
    void rfc6120Section13_9DefaultsRequireTlsBeforeAuthenticationOnPort5222() {
        XmppEndpointConfig config = XmppEndpointConfig.from("node-1", "Example.COM", XmppConfig.defaults());

        assertThat(config.port()).isEqualTo(5222);
        assertThat(config.plaintextAuth()).isFalse();
        assertThat(config.domain()).isEqualTo("example.com");
        assertThat(config.mucDomain()).isEqualTo("conference.example.com");
    }

    @Test
    void rfc6120Section13_12StanzaLimitOutOfRangeNamesValueLimitAndNode() {
        XmppEndpointConfig config = XmppEndpointConfig.loopback("node-1", "example.com");

        assertThatThrownBy(() -> config.withMaxStanzaBytes(10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max stanza bytes 10")
                .hasMessageContaining("node-1")
                .hasMessageContaining("[1024, ");
    }

    @Test
    void xep0045Section7_2_14HistoryOnJoinDefaultsToThirtyMessages() {
        assertThat(XmppEndpointConfig.loopback("n", "example.com").historyOnJoin()).isEqualTo(30);
    }
}
