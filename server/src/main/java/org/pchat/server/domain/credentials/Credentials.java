package org.pchat.server.domain.credentials;

import java.util.Objects;

/**
 * Everything the server stores to check one user's password, derived by
 * {@link PasswordHasher#derive(String, String, char[])}. Never logged: {@link #toString()} masks it.
 *
 * @param pbkdf2Salt       base64 salt of the PBKDF2-HMAC-SHA256 hash
 * @param pbkdf2Iterations PBKDF2 iteration count
 * @param pbkdf2Hash       base64 PBKDF2-HMAC-SHA256 of the password (HTTP Basic, SASL PLAIN)
 * @param digestRealm      the realm the HA1 values were computed for (the SIP domain)
 * @param ha1Md5           hex MD5 of {@code user@domain:realm:password}
 * @param ha1Sha256        hex SHA-256 of {@code user@domain:realm:password}
 * @param scramSha1        SCRAM-SHA-1 keys
 * @param scramSha256      SCRAM-SHA-256 keys
 */
public record Credentials(String pbkdf2Salt, int pbkdf2Iterations, String pbkdf2Hash, String digestRealm,
        String ha1Md5, String ha1Sha256, ScramCredential scramSha1, ScramCredential scramSha256) {

    public Credentials {
        Objects.requireNonNull(pbkdf2Salt, "pbkdf2Salt");
        Objects.requireNonNull(pbkdf2Hash, "pbkdf2Hash");
        Objects.requireNonNull(digestRealm, "digestRealm");
        Objects.requireNonNull(ha1Md5, "ha1Md5");
        Objects.requireNonNull(ha1Sha256, "ha1Sha256");
        Objects.requireNonNull(scramSha1, "scramSha1");
        Objects.requireNonNull(scramSha256, "scramSha256");
        if (pbkdf2Iterations < 1) {
            throw new IllegalArgumentException("pbkdf2 iterations " + pbkdf2Iterations + " must be >= 1");
        }
        if (scramSha1.mechanism() != ScramMechanism.SCRAM_SHA_1
                || scramSha256.mechanism() != ScramMechanism.SCRAM_SHA_256) {
            throw new IllegalArgumentException("SCRAM credentials are given for the wrong mechanisms: "
                    + scramSha1.mechanism() + ", " + scramSha256.mechanism());
        }
    }

    /** The stored HA1 (hex) for a digest algorithm, computed for {@link #digestRealm()}. */
    public String digestHa1(DigestAlgorithm algorithm) {
        return switch (algorithm) {
            case MD5 -> ha1Md5;
            case SHA_256 -> ha1Sha256;
        };
    }

    /** The stored SCRAM keys for a mechanism. */
    public ScramCredential scram(ScramMechanism mechanism) {
        return switch (mechanism) {
            case SCRAM_SHA_1 -> scramSha1;
            case SCRAM_SHA_256 -> scramSha256;
        };
    }

    /** Shows the realm and iteration counts only. */
    @Override
    public String toString() {
        return "Credentials[pbkdf2Iterations=" + pbkdf2Iterations + ", digestRealm=" + digestRealm
                + ", scramSha1Iterations=" + scramSha1.iterations() + ", scramSha256Iterations="
                + scramSha256.iterations() + ", secrets=****]";
    }
}
