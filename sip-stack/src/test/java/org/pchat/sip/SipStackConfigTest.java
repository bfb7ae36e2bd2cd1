package org.pchat.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validation of the one config record: every error names the value seen, the limit and the stack. */
class SipStackConfigTest {

    @TempDir
    Path dir;

    private static SipStackConfig.Builder valid() {
        return SipStackConfig.builder("node-1").bindAddress("127.0.0.1").listen(SipTransport.TCP, 5070);
    }

    @Test
    void defaultsAreValidAndFollowRfc4028() {
        SipStackConfig config = valid().build();

        assertThat(config.sessionExpiresSeconds()).isEqualTo(1800);
        assertThat(config.minSessionExpiresSeconds()).isEqualTo(90);
        assertThat(config.t1Millis()).isEqualTo(500);
        assertThat(config.advertisedHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void maxMessageSizeBelowMinimumNamesValueLimitAndStack() {
        assertThatThrownBy(() -> valid().maxMessageSize(100).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxMessageSize 100")
                .hasMessageContaining("4096")
                .hasMessageContaining("'node-1'");
    }

    @Test
    void sessionIntervalBelowMinSeIsRejectedInProduction_rfc4028_section4() {
        assertThatThrownBy(() -> valid().sessionExpiresSeconds(60).build())
                .hasMessageContaining("sessionExpiresSeconds 60")
                .hasMessageContaining("90")
                .hasMessageContaining("RFC 4028");
    }

    @Test
    void shortSessionIntervalNeedsTheExplicitTestFlag() {
        SipStackConfig config = valid().sessionExpiresSeconds(2).allowShortSessionInterval(true).build();

        assertThat(config.sessionExpiresSeconds()).isEqualTo(2);
        assertThat(config.minSessionExpiresSeconds()).isEqualTo(1);
        assertThatThrownBy(() -> valid().sessionExpiresSeconds(0).allowShortSessionInterval(true).build())
                .hasMessageContaining("sessionExpiresSeconds 0");
    }

    @Test
    void tlsListeningPointNeedsKeyMaterial() {
        assertThatThrownBy(() -> valid().listen(SipTransport.TLS, 5061).build())
                .hasMessageContaining("TLS listening point needs tls settings")
                .hasMessageContaining("'node-1'");
    }

    @Test
    void missingKeyStoreIsNamed() {
        Path missing = dir.resolve("absent.p12");

        assertThatThrownBy(() -> valid().tls(TlsSettings.pkcs12(missing, "secret")).build())
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("not a readable file");
    }

    @Test
    void passwordsAreMaskedInToString() throws Exception {
        Path store = Files.writeString(dir.resolve("store.p12"), "x");

        SipStackConfig config = valid().tls(TlsSettings.pkcs12(store, "s3cr3t-value")).build();

        assertThat(config.toString()).doesNotContain("s3cr3t-value").contains("****");
    }

    @Test
    void oneListeningPointPerTransport() {
        assertThatThrownBy(() -> valid().listen(SipTransport.TCP, 5071).build())
                .hasMessageContaining("transport TCP is configured twice");
    }

    @Test
    void noListeningPointIsRejected() {
        assertThatThrownBy(() -> SipStackConfig.builder("node-1").build())
                .hasMessageContaining("no listening point");
    }

    @Test
    void bindAddressMustBeAnIpLiteral() {
        assertThatThrownBy(() -> valid().bindAddress("localhost").build())
                .hasMessageContaining("bindAddress localhost is not an IP literal");
    }

    @Test
    void portOutsideRangeNamesTransport() {
        assertThatThrownBy(() -> new ListeningPointSpec(SipTransport.UDP, 70_000))
                .hasMessageContaining("70000")
                .hasMessageContaining("65535")
                .hasMessageContaining("UDP");
    }

    @Test
    void t1OutsideRangeIsRejected() {
        assertThatThrownBy(() -> valid().t1Millis(5).build())
                .hasMessageContaining("t1Millis 5")
                .hasMessageContaining("10..10000");
    }

    @Test
    void transportTokensAreCaseInsensitiveAsRealClientsSendThem() {
        assertThat(SipTransport.fromToken("tcp")).isEqualTo(SipTransport.TCP);
        assertThatThrownBy(() -> SipTransport.fromToken("sctp")).hasMessageContaining("sctp");
    }
}
