package org.pchat.sip;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Key and trust material for TLS listening points. Passwords never appear in {@link #toString()}.
 *
 * @param keyStore           the keystore holding the server certificate and key
 * @param keyStorePassword   its password
 * @param trustStore         the truststore (may be the keystore)
 * @param trustStorePassword its password
 * @param storeType          keystore type, e.g. {@code PKCS12} or {@code JKS}
 */
public record TlsSettings(Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword,
                          String storeType) {

    /** Mask printed instead of any password. */
    static final String MASK = "****";

    public TlsSettings {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(keyStorePassword, "keyStorePassword");
        Objects.requireNonNull(trustStorePassword, "trustStorePassword");
        Objects.requireNonNull(storeType, "storeType");
        if (storeType.isBlank()) {
            throw new IllegalArgumentException("TLS storeType is blank (expected PKCS12 or JKS)");
        }
    }

    /** Keystore and truststore in one PKCS#12 file with one password. */
    public static TlsSettings pkcs12(Path keyStore, String password) {
        return new TlsSettings(keyStore, password, keyStore, password, "PKCS12");
    }

    /** Checks that the stores exist and are readable; called by {@link SipStackConfig} validation. */
    void validate(String stackName) {
        requireReadable(keyStore, "keyStore", stackName);
        requireReadable(trustStore, "trustStore", stackName);
        if (keyStorePassword.isEmpty()) {
            throw new IllegalArgumentException("TLS keyStorePassword is empty (stack '" + stackName + "')");
        }
    }

    private static void requireReadable(Path file, String what, String stackName) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException(
                    "TLS " + what + " " + file + " is not a readable file (stack '" + stackName + "')");
        }
    }

    @Override
    public String toString() {
        return "TlsSettings[keyStore=" + keyStore + ", keyStorePassword=" + MASK + ", trustStore=" + trustStore
                + ", trustStorePassword=" + MASK + ", storeType=" + storeType + "]";
    }
}
