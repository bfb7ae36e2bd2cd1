package org.pchat.server.config;

import java.util.Objects;

/**
 * The text of one key as the strongest source gave it, before parsing.
 *
 * @param text the text as written, never null
 * @param origin where it came from
 */
public record RawValue(String text, Origin origin) {
    public RawValue {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(origin, "origin");
    }

    /** Empty or blank text counts as "not set": the key falls back to its default. */
    public boolean isBlank() {
        return text.isBlank();
    }
}
