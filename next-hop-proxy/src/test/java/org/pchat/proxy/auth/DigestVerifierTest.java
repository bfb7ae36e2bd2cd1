package org.pchat.proxy.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Digest computations against the worked examples of the RFCs. */
class DigestVerifierTest {

    @Test
    void md5ExampleOfRfc2617Section3_5Verifies() {
        DigestCredentials credentials = DigestCredentials.parse("Digest username=\"Mufasa\", "
                + "realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", "
                + "qop=auth, nc=00000001, cnonce=\"0a4f113b\", response=\"6629fae49393a05397450978507c4ef1\", "
                + "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"");
        String ha1 = DigestVerifier.ha1(DigestAlgorithm.MD5, "Mufasa", "testrealm@host.com", "Circle Of Life");

        assertThat(DigestVerifier.verify(credentials, DigestAlgorithm.MD5, ha1, "GET", new byte[0])).isTrue();
    }

    @Test
    void sha256ExampleOfRfc7616Section3_9_1Verifies() {
        DigestCredentials credentials = DigestCredentials.parse("Digest username=\"Mufasa\", "
                + "realm=\"http-auth@example.org\", uri=\"/dir/index.html\", algorithm=SHA-256, "
                + "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", nc=00000001, "
                + "cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\", qop=auth, "
                + "response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\", "
                + "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"");
        String ha1 = DigestVerifier.ha1(DigestAlgorithm.SHA_256, "Mufasa", "http-auth@example.org", "Circle of Life");

        assertThat(DigestVerifier.verify(credentials, DigestAlgorithm.SHA_256, ha1, "GET", new byte[0])).isTrue();
    }

    @Test
    void wrongPasswordDoesNotVerify_rfc7616_3_4_1() {
        DigestCredentials credentials = DigestCredentials.parse("Digest username=\"Mufasa\", "
                + "realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", "
                + "qop=auth, nc=00000001, cnonce=\"0a4f113b\", response=\"6629fae49393a05397450978507c4ef1\"");
        String ha1 = DigestVerifier.ha1(DigestAlgorithm.MD5, "Mufasa", "testrealm@host.com", "circle of life");

        assertThat(DigestVerifier.verify(credentials, DigestAlgorithm.MD5, ha1, "GET", new byte[0])).isFalse();
    }

    @Test
    void lyncNullUriIsHashedAsSent_xccos11() {
        String ha1 = DigestVerifier.ha1(DigestAlgorithm.MD5, "alice@example.com", "example.com", "secret");
        DigestCredentials template = DigestCredentials.parse("Digest username=\"alice@example.com\", "
                + "realm=\"example.com\", nonce=\"n\", uri=\"(null)\", qop=auth, nc=00000001, cnonce=\"c\", "
                + "response=\"x\"");
        String expected = DigestVerifier.expectedResponse(template, DigestAlgorithm.MD5, ha1, "REGISTER",
                new byte[0]);
        String ha2 = DigestVerifier.hash(DigestAlgorithm.MD5, "REGISTER:(null)");

        assertThat(expected).isEqualTo(DigestVerifier.hash(DigestAlgorithm.MD5, ha1 + ":n:00000001:c:auth:" + ha2));
    }
}
