package org.pchat.server.config;

import java.util.Objects;

/**
 * A secret configuration value (a password). {@link #toString()} never shows it; call {@link #reveal()}
 * only where the secret is handed to the library that needs it.
 *
 * @param value the secret text, possibly empty
 */
public record Secret(String value) {

    public Secret {
        Objects.requireNonNull(value, "value");
    }

    /** The empty secret. */
    public static Secret none() {
        return new Secret("");
    }

    /** Whether the secret is the empty string. */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** The secret text, for the one place that must use it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return SecretMasker.mask(value, Sensitivity.SECRET);
    }
}
