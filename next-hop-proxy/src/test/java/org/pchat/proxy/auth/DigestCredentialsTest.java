package org.pchat.proxy.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Parsing of credentials headers (RFC 7616 §3.4). */
class DigestCredentialsTest {

    @Test
    void parsesQuotedAndTokenParametersWithCommasInQuotes() {
        DigestCredentials c = DigestCredentials.parse("Digest username=\"a,b@example.com\",realm=\"example.com\","
                + " nonce=\"n1\", uri=\"(null)\", response=\"abc\", algorithm=MD5, qop=auth, nc=00000001,"
                + " cnonce=\"x\\\"y\"");

        assertThat(c.username()).isEqualTo("a,b@example.com");
        assertThat(c.uri()).isEqualTo("(null)");
        assertThat(c.nc()).hasValue("00000001");
        assertThat(c.cnonce()).hasValue("x\"y");
        assertThat(c.algorithm()).hasValue("MD5");
    }

    @Test
    void missingResponseIsNamed() {
        assertThatThrownBy(() -> DigestCredentials.parse("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("response is missing");
    }

    @Test
    void otherSchemesAreRefusedWithoutEchoingTheirToken() {
        assertThatThrownBy(() -> DigestCredentials.parse("NTLM TlRMTVNTUAABAAAAB4IIog=="))
                .hasMessageContaining("not Digest").hasMessageNotContaining("TlRMTVNTUAAB");
    }

    @Test
    void overlongHeaderIsRefusedWithTheLimit() {
        assertThatThrownBy(() -> DigestCredentials.parse("Digest " + "x".repeat(5000)))
                .hasMessageContaining("5007").hasMessageContaining("4096");
    }

    @Test
    void toStringMasksResponseAndNonce() {
        DigestCredentials c = DigestCredentials.parse("Digest username=\"alice\", realm=\"r\", nonce=\"secretnonce\","
                + " uri=\"u\", response=\"deadbeef\"");

        assertThat(c.toString()).doesNotContain("deadbeef").doesNotContain("secretnonce").contains("alice");
    }
}
