package org.pchat.proxy.auth;

import java.util.Objects;

/**
 * What the proxy needs to verify one user's digest responses: the user's address of record and the stored HA1
 * values (hex {@code H(username:realm:password)}). {@link #toString()} masks the secrets.
 *
 * @param userUri   the address of record, {@code sip:alice@example.com}, lower-case
 * @param realm     the realm the HA1 values were computed for
 * @param ha1Md5    hex MD5 HA1
 * @param ha1Sha256 hex SHA-256 HA1
 */
public record UserCredentials(String userUri, String realm, String ha1Md5, String ha1Sha256) {

    public UserCredentials {
        Objects.requireNonNull(userUri, "userUri");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(ha1Md5, "ha1Md5");
        Objects.requireNonNull(ha1Sha256, "ha1Sha256");
    }

    /** The stored HA1 for an algorithm. */
    public String ha1(DigestAlgorithm algorithm) {
        return switch (algorithm) {
            case MD5 -> ha1Md5;
            case SHA_256 -> ha1Sha256;
        };
    }

    @Override
    public String toString() {
        return "UserCredentials[userUri=" + userUri + ", realm=" + realm + ", ha1=****]";
    }
}
