package org.pchat.server.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.pchat.server.domain.credentials.PasswordHasher;
import org.pchat.server.domain.credentials.ScramCredential;
import org.pchat.server.domain.credentials.ScramMechanism;

/** The server side of SCRAM-SHA-256 (RFC 7677) against a client computed here from RFC 5802 §3. */
class ScramServerTest {

    private static final byte[] SALT = "pchat-test-salt!".getBytes(StandardCharsets.UTF_8);
    private static final int ITERATIONS = 4096;

    private final ScramCredential stored = PasswordHasher.scram(ScramMechanism.SCRAM_SHA_256,
            "pencil".toCharArray(), SALT, ITERATIONS);

    @Test
    void rfc7677Section3RightPasswordIsAcceptedWithTheServerSignature() throws Exception {
        ScramServer server = server();

        String clientFinal = clientFinal(server.serverFirst(), "pencil");

        assertThat(server.finish(clientFinal)).hasValueSatisfying(v -> assertThat(v).startsWith("v="));
    }

    @Test
    void rfc5802Section5WrongPasswordIsRefused() throws Exception {
        ScramServer server = server();

        assertThat(server.finish(clientFinal(server.serverFirst(), "pen"))).isEmpty();
    }

    @Test
    void rfc5802Section5_1ServerFirstCarriesTheSaltAndIterations() {
        ScramServer server = server();

        assertThat(server.serverFirst()).startsWith("r=rOprNGfwEbeRWgbNEkqO")
                .contains(",s=" + Base64.getEncoder().encodeToString(SALT) + ",i=4096");
    }

    @Test
    void rfc5802Section6ChannelBindingRequestIsRefused() {
        assertThatThrownBy(() -> ScramServer.parseClientFirst("p=tls-unique,,n=user,r=abc"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rfc5802Section5_1SaslNameEscapesAreDecoded() {
        assertThat(ScramServer.parseClientFirst("n,,n=a=2Cb=3Dc,r=xyz").username()).isEqualTo("a,b=c");
    }

    private ScramServer server() {
        return new ScramServer(ScramMechanism.SCRAM_SHA_256,
                ScramServer.parseClientFirst("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"), stored, new SecureRandom());
    }

    /** The client side of RFC 5802 §3 for SHA-256. */
    private static String clientFinal(String serverFirst, String password) throws Exception {
        String nonce = serverFirst.substring(2, serverFirst.indexOf(','));
        String withoutProof = "c=biws,r=" + nonce;
        String authMessage = "n=user,r=rOprNGfwEbeRWgbNEkqO," + serverFirst + "," + withoutProof;
        byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), SALT, ITERATIONS, 256)).getEncoded();
        byte[] clientKey = hmac(salted, "Client Key");
        byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
        byte[] signature = hmac(storedKey, authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        return withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
    }

    private static byte[] hmac(byte[] key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }
}
