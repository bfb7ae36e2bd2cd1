package org.pchat.server.domain.credentials;

/** SCRAM mechanisms the directory keeps keys for (RFC 5802, RFC 7677). */
public enum ScramMechanism {
    SCRAM_SHA_1("SCRAM-SHA-1", "SHA-1", "HmacSHA1", "PBKDF2WithHmacSHA1", 20),
    SCRAM_SHA_256("SCRAM-SHA-256", "SHA-256", "HmacSHA256", "PBKDF2WithHmacSHA256", 32);

    private final String saslName;
    private final String digest;
    private final String hmac;
    private final String pbkdf2;
    private final int keyLength;

    ScramMechanism(String saslName, String digest, String hmac, String pbkdf2, int keyLength) {
        this.saslName = saslName;
        this.digest = digest;
        this.hmac = hmac;
        this.pbkdf2 = pbkdf2;
        this.keyLength = keyLength;
    }

    /** The SASL mechanism name. */
    public String saslName() {
        return saslName;
    }

    String digestAlgorithm() {
        return digest;
    }

    String hmacAlgorithm() {
        return hmac;
    }

    String pbkdf2Algorithm() {
        return pbkdf2;
    }

    /** Output length of the hash in bytes. */
    public int keyLength() {
        return keyLength;
    }
}
