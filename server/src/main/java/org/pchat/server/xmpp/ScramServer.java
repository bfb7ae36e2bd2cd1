package org.pchat.server.xmpp;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.pchat.server.domain.credentials.ScramCredential;
import org.pchat.server.domain.credentials.ScramMechanism;

/**
 * The server side of one SCRAM exchange (RFC 5802 §5, RFC 7677) over stored keys; no channel binding (the
 * {@code n} and {@code y} GS2 flags only). Messages are the decoded SASL payloads.
 */
final class ScramServer {

    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    /**
     * The parsed client-first-message.
     *
     * @param gs2Header  the GS2 header including the trailing comma ({@code n,,})
     * @param bare       client-first-message-bare
     * @param username   the decoded {@code n=} value
     * @param nonce      the client nonce
     */
    record ClientFirst(String gs2Header, String bare, String username, String nonce) {
    }

    private final ScramMechanism mechanism;
    private final ClientFirst first;
    private final ScramCredential credential;
    private final String serverFirst;
    private final String nonce;

    ScramServer(ScramMechanism mechanism, ClientFirst first, ScramCredential credential, SecureRandom random) {
        this.mechanism = Objects.requireNonNull(mechanism, "mechanism");
        this.first = Objects.requireNonNull(first, "first");
        this.credential = Objects.requireNonNull(credential, "credential");
        byte[] serverNonce = new byte[18];
        random.nextBytes(serverNonce);
        this.nonce = first.nonce() + B64.encodeToString(serverNonce);
        this.serverFirst = "r=" + nonce + ",s=" + credential.salt() + ",i=" + credential.iterations();
    }

    /** Keys that match no password, so an unknown user fails like a wrong password does. */
    static ScramCredential decoy(ScramMechanism mechanism, SecureRandom random) {
        byte[] salt = new byte[16];
        byte[] key = new byte[mechanism.keyLength()];
        random.nextBytes(salt);
        random.nextBytes(key);
        return new ScramCredential(mechanism, B64.encodeToString(salt), 4096, B64.encodeToString(key),
                B64.encodeToString(key));
    }

    /**
     * Parses a client-first-message.
     *
     * @throws IllegalArgumentException when it is malformed or asks for channel binding
     */
    static ClientFirst parseClientFirst(String message) {
        String[] gs2 = message.split(",", 3);
        if (gs2.length != 3 || !(gs2[0].equals("n") || gs2[0].equals("y")) || !gs2[1].isEmpty()) {
            throw new IllegalArgumentException("unsupported GS2 header (channel binding or authzid)");
        }
        String bare = gs2[2];
        String[] parts = bare.split(",");
        if (parts.length < 2 || !parts[0].startsWith("n=") || !parts[1].startsWith("r=")) {
            throw new IllegalArgumentException("client-first-message-bare lacks n= or r=");
        }
        String username = parts[0].substring(2).replace("=2C", ",").replace("=3D", "=");
        String clientNonce = parts[1].substring(2);
        if (username.isEmpty() || clientNonce.isEmpty()) {
            throw new IllegalArgumentException("empty username or nonce");
        }
        return new ClientFirst(gs2[0] + "," + gs2[1] + ",", bare, username, clientNonce);
    }

    ScramMechanism mechanism() {
        return mechanism;
    }

    String username() {
        return first.username();
    }

    String serverFirst() {
        return serverFirst;
    }

    /**
     * Checks a client-final-message.
     *
     * @return the server-final-message when the proof is right, empty otherwise
     */
    Optional<String> finish(String clientFinal) {
        int proofAt = clientFinal.lastIndexOf(",p=");
        if (proofAt < 0) {
            return Optional.empty();
        }
        String withoutProof = clientFinal.substring(0, proofAt);
        String expectedBinding = "c=" + B64.encodeToString(first.gs2Header().getBytes(StandardCharsets.UTF_8));
        if (!withoutProof.startsWith(expectedBinding + ",r=" + nonce)
                || withoutProof.length() != (expectedBinding + ",r=" + nonce).length()) {
            return Optional.empty();
        }
        byte[] proof;
        try {
            proof = B64D.decode(clientFinal.substring(proofAt + 3));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        byte[] authMessage = (first.bare() + "," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
        if (!credential.verifyClientProof(authMessage, proof)) {
            return Optional.empty();
        }
        return Optional.of("v=" + B64.encodeToString(credential.serverSignature(authMessage)));
    }
}
