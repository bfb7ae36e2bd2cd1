package org.pchat.server.domain.credentials;

/** SIP/HTTP digest algorithms (RFC 2617, RFC 7616) whose HA1 the directory stores. */
public enum DigestAlgorithm {
    MD5("MD5"),
    SHA_256("SHA-256");

    private final String name;

    DigestAlgorithm(String name) {
        this.name = name;
    }

    /** The name in the digest {@code algorithm} parameter and in {@link java.security.MessageDigest}. */
    public String digestName() {
        return name;
    }
}
