package org.pchat.proxy.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Computes and checks digest responses (RFC 7616 §3.4.1; RFC 2617 §3.2.2.1 for responses without qop) from the
 * stored HA1. The digest-uri is taken as sent (xccos.md §11: the Lync client hashes the literal
 * {@code (null)}).
 */
public final class DigestVerifier {

    private DigestVerifier() {
    }

    /**
     * Whether {@code credentials} prove knowledge of the password behind {@code ha1}.
     *
     * @param method the request method (SIP uses it as the HTTP method, RFC 3261 §22.4)
     * @param body   the request body, for qop=auth-int
     */
    public static boolean verify(DigestCredentials credentials, DigestAlgorithm algorithm, String ha1,
                                 String method, byte[] body) {
        String expected = expectedResponse(credentials, algorithm, ha1, method, body);
        byte[] actual = credentials.response().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), actual);
    }

    /** The response a client knowing the password would send. */
    public static String expectedResponse(DigestCredentials credentials, DigestAlgorithm algorithm, String ha1,
                                          String method, byte[] body) {
        String qop = credentials.qop().map(q -> q.toLowerCase(Locale.ROOT)).orElse("");
        String ha2 = "auth-int".equals(qop)
                ? hash(algorithm, method + ":" + credentials.uri() + ":" + hex(algorithm, body))
                : hash(algorithm, method + ":" + credentials.uri());
        String ha1Lower = ha1.toLowerCase(Locale.ROOT);
        if (qop.isEmpty()) {
            return hash(algorithm, ha1Lower + ":" + credentials.nonce() + ":" + ha2);
        }
        return hash(algorithm, ha1Lower + ":" + credentials.nonce() + ":" + credentials.nc().orElse("") + ":"
                + credentials.cnonce().orElse("") + ":" + qop + ":" + ha2);
    }

    /** Hex {@code H(username:realm:password)}, for tests and tools. */
    public static String ha1(DigestAlgorithm algorithm, String username, String realm, String password) {
        return hash(algorithm, username + ":" + realm + ":" + password);
    }

    static String hash(DigestAlgorithm algorithm, String text) {
        return hex(algorithm, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(DigestAlgorithm algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm.token()).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm.token(), e);
        }
    }
}
