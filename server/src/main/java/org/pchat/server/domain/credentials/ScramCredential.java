package org.pchat.server.domain.credentials;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;

/**
 * Stored SCRAM keys of one user for one mechanism (RFC 5802 §3): the server never needs the
 * password, only these.
 *
 * @param mechanism  SCRAM-SHA-1 or SCRAM-SHA-256
 * @param salt       base64 salt
 * @param iterations PBKDF2 iteration count
 * @param storedKey  base64 {@code H(ClientKey)}
 * @param serverKey  base64 {@code HMAC(SaltedPassword, "Server Key")}
 */
public record ScramCredential(ScramMechanism mechanism, String salt, int iterations, String storedKey,
        String serverKey) {

    public ScramCredential {
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(storedKey, "storedKey");
        Objects.requireNonNull(serverKey, "serverKey");
        if (iterations < 1) {
            throw new IllegalArgumentException(mechanism.saslName() + " iterations " + iterations + " must be >= 1");
        }
    }

    /** The salt bytes, for the server-first message. */
    public byte[] saltBytes() {
        return Base64.getDecoder().decode(salt);
    }

    /**
     * Checks a client proof (RFC 5802 §3): {@code ClientKey = ClientProof XOR HMAC(StoredKey,
     * AuthMessage)} must hash to {@code StoredKey}. Constant time in the proof's content.
     *
     * @param authMessage {@code client-first-message-bare + "," + server-first-message + ","
     *                    + client-final-message-without-proof}, UTF-8
     * @param clientProof the decoded {@code p=} attribute
     */
    public boolean verifyClientProof(byte[] authMessage, byte[] clientProof) {
        byte[] stored = Base64.getDecoder().decode(storedKey);
        if (clientProof.length != stored.length) {
            return false;
        }
        byte[] signature = Crypto.hmac(mechanism.hmacAlgorithm(), stored, authMessage);
        byte[] clientKey = new byte[clientProof.length];
        for (int i = 0; i < clientKey.length; i++) {
            clientKey[i] = (byte) (clientProof[i] ^ signature[i]);
        }
        return MessageDigest.isEqual(Crypto.hash(mechanism.digestAlgorithm(), clientKey), stored);
    }

    /** The server signature for the {@code v=} attribute: {@code HMAC(ServerKey, AuthMessage)}. */
    public byte[] serverSignature(byte[] authMessage) {
        return Crypto.hmac(mechanism.hmacAlgorithm(), Base64.getDecoder().decode(serverKey), authMessage);
    }

    /** Shows the mechanism and iterations only. */
    @Override
    public String toString() {
        return "ScramCredential[" + mechanism.saslName() + ", iterations=" + iterations + ", keys=****]";
    }
}
