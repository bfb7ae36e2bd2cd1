package org.pchat.proxy.auth;

import java.util.Locale;
import java.util.Optional;

/** Digest algorithms (RFC 7616 §3.3; RFC 2617 MD5) the proxy verifies. */
public enum DigestAlgorithm {
    MD5("MD5"),
    SHA_256("SHA-256");

    private final String token;

    DigestAlgorithm(String token) {
        this.token = token;
    }

    /** The {@code algorithm} parameter value and the {@link java.security.MessageDigest} name. */
    public String token() {
        return token;
    }

    /** The algorithm named by a parameter; an absent parameter means MD5 (RFC 7616 §3.3). */
    public static Optional<DigestAlgorithm> fromToken(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.of(MD5);
        }
        String upper = token.toUpperCase(Locale.ROOT);
        for (DigestAlgorithm algorithm : values()) {
            if (algorithm.token.equals(upper)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
