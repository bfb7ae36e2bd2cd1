package org.pchat.server.domain.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.pchat.server.domain.DirectoryException;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(new PasswordHasherConfig(1_000, 4_096, 16, 64));

    @Test
    void derivedPasswordHashVerifiesTheRightPasswordOnly() {
        Credentials credentials = hasher.derive("sip:alice@example.com", "example.com", "correct horse".toCharArray());

        assertThat(hasher.verifyPassword(credentials, "correct horse".toCharArray())).isTrue();
        assertThat(hasher.verifyPassword(credentials, "correct hors".toCharArray())).isFalse();
        assertThat(hasher.verifyPassword(credentials, new char[0])).isFalse();
    }

    @Test
    void saltsDifferBetweenDerivations() {
        Credentials first = hasher.derive("sip:alice@example.com", "example.com", "pw".toCharArray());
        Credentials second = hasher.derive("sip:alice@example.com", "example.com", "pw".toCharArray());

        assertThat(first.pbkdf2Salt()).isNotEqualTo(second.pbkdf2Salt());
        assertThat(first.pbkdf2Hash()).isNotEqualTo(second.pbkdf2Hash());
    }

    @Test
    void digestHa1IsComputedOverUserAtDomainRealmAndPassword() {
        Credentials credentials = hasher.derive("sip:alice@example.com", "example.com", "secret".toCharArray());

        assertThat(credentials.digestRealm()).isEqualTo("example.com");
        assertThat(credentials.digestHa1(DigestAlgorithm.MD5))
                .isEqualTo(hex("MD5", "alice@example.com:example.com:secret"));
        assertThat(credentials.digestHa1(DigestAlgorithm.SHA_256))
                .isEqualTo(hex("SHA-256", "alice@example.com:example.com:secret"));
    }

    @Test
    void md5Ha1MatchesRfc2617Example() {
        // RFC 2617 §3.5: Mufasa / testrealm@host.com / "Circle Of Life"
        assertThat(PasswordHasher.digestHa1(DigestAlgorithm.MD5, "Mufasa", "testrealm@host.com",
                "Circle Of Life".toCharArray())).isEqualTo("939e7578ed9e3c518a452acee763bce9");
    }

    @Test
    void ha1ProducesTheRfc7616ResponsesForMd5AndSha256() {
        // RFC 7616 §3.9.1
        String nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
        String cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            String ha1 = PasswordHasher.digestHa1(algorithm, "Mufasa", "http-auth@example.org",
                    "Circle of Life".toCharArray());
            String ha2 = hex(algorithm.digestName(), "GET:/dir/index.html");
            String response = hex(algorithm.digestName(), ha1 + ":" + nonce + ":00000001:" + cnonce + ":auth:" + ha2);
            assertThat(response).as(algorithm.name()).isEqualTo(algorithm == DigestAlgorithm.MD5
                    ? "8ca523f5e9506fed4657c9700eebdbec"
                    : "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
        }
    }

    @Test
    void scramSha1KeysVerifyTheRfc5802ExchangeAndSignTheServerFinal() {
        ScramCredential keys = PasswordHasher.scram(ScramMechanism.SCRAM_SHA_1, "pencil".toCharArray(),
                Base64.getDecoder().decode("QSXCR+Q6sek8bf92"), 4096);
        byte[] authMessage = ("n=user,r=fyko+d2lbbFgONRv9qkxdawL,"
                + "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096,"
                + "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j").getBytes(StandardCharsets.UTF_8);

        assertThat(keys.verifyClientProof(authMessage, Base64.getDecoder().decode("v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=")))
                .isTrue();
        assertThat(Base64.getEncoder().encodeToString(keys.serverSignature(authMessage)))
                .isEqualTo("rmF9pqV8S7suAoZWja4dJRkFsKQ=");
    }

    @Test
    void scramSha256KeysVerifyTheRfc7677ExchangeAndSignTheServerFinal() {
        ScramCredential keys = PasswordHasher.scram(ScramMechanism.SCRAM_SHA_256, "pencil".toCharArray(),
                Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ=="), 4096);
        byte[] authMessage = ("n=user,r=rOprNGfwEbeRWgbNEkqO,"
                + "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,"
                + "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0").getBytes(StandardCharsets.UTF_8);

        assertThat(keys.verifyClientProof(authMessage,
                Base64.getDecoder().decode("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="))).isTrue();
        assertThat(Base64.getEncoder().encodeToString(keys.serverSignature(authMessage)))
                .isEqualTo("6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
    }

    @Test
    void scramRejectsAProofFromTheWrongPassword() {
        ScramCredential keys = PasswordHasher.scram(ScramMechanism.SCRAM_SHA_1, "pen".toCharArray(),
                Base64.getDecoder().decode("QSXCR+Q6sek8bf92"), 4096);
        byte[] authMessage = ("n=user,r=fyko+d2lbbFgONRv9qkxdawL,"
                + "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096,"
                + "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j").getBytes(StandardCharsets.UTF_8);

        assertThat(keys.verifyClientProof(authMessage, Base64.getDecoder().decode("v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=")))
                .isFalse();
    }

    @Test
    void emptyPasswordIsRejectedNamingTheUser() {
        assertThatThrownBy(() -> hasher.derive("sip:alice@example.com", "example.com", new char[0]))
                .isInstanceOf(DirectoryException.class)
                .hasMessage("password for sip:alice@example.com is empty");
    }

    @Test
    void overlongPasswordIsRejectedNamingLengthAndLimit() {
        assertThatThrownBy(() -> hasher.derive("sip:alice@example.com", "example.com", new char[65]))
                .hasMessage("password for sip:alice@example.com is 65 characters long, the limit is 64");
    }

    @Test
    void missingRealmIsRejected() {
        assertThatThrownBy(() -> hasher.derive("sip:alice@example.com", " ", "pw".toCharArray()))
                .hasMessageContaining("digest realm for sip:alice@example.com is missing");
    }

    @Test
    void toStringShowsNoSecret() {
        Credentials credentials = hasher.derive("sip:alice@example.com", "example.com", "pw".toCharArray());

        assertThat(credentials.toString())
                .doesNotContain(credentials.pbkdf2Hash())
                .doesNotContain(credentials.ha1Md5())
                .doesNotContain(credentials.scramSha256().storedKey())
                .contains("****");
    }

    @Test
    void configOutsideItsRangeNamesTheValue() {
        assertThatThrownBy(() -> new PasswordHasherConfig(10, 4096, 16, 64))
                .hasMessage("password hashing pbkdf2Iterations is 10, allowed range is 1000..10000000");
    }

    private static String hex(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
