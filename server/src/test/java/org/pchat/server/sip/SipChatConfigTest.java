package org.pchat.server.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The chat node's SIP settings are validated with messages naming the value, the limit and the node. */
class SipChatConfigTest {

    @Test
    void chatUrisAreNormalizedAndTheFirstIsTheChannelUri() {
        SipChatConfig config = SipChatConfig.loopback("node1", "example.com")
                .withChatUris(List.of("SIP:Pool@Example.com", "sip:ocschat@example.com"));

        assertThat(config.channelUri()).isEqualTo("sip:pool@example.com");
        assertThat(config.chatUris()).containsExactly("sip:pool@example.com", "sip:ocschat@example.com");
    }

    @Test
    void aChatUriWithoutUserIsRefused() {
        assertThatThrownBy(() -> SipChatConfig.loopback("node1", "example.com").withChatUris(List.of("sip:example.com")))
                .hasMessageContaining("sip:example.com").hasMessageContaining("node1");
    }

    @Test
    void aT1OutsideItsRangeIsRefusedNamingTheRange() {
        assertThatThrownBy(() -> SipChatConfig.loopback("node1", "example.com").withT1Millis(1))
                .hasMessageContaining("t1Millis 1").hasMessageContaining("10..10000").hasMessageContaining("node1");
    }

    @Test
    void theRootCategoryIsStablePerDomain() {
        assertThat(SipChatConfig.rootUri("example.com")).isEqualTo(SipChatConfig.rootUri("EXAMPLE.COM"));
        assertThat(SipChatConfig.rootUri("example.com")).isNotEqualTo(SipChatConfig.rootUri("example.org"));
    }

    @Test
    void decoderLimitsFollowASmallBodyLimit() {
        assertThat(SipChatConfig.xccosLimits(2048).maxTextLength()).isEqualTo(2048);
        assertThat(SipChatConfig.xccosLimits(2048).maxBodyBytes()).isEqualTo(2048);
    }
}
