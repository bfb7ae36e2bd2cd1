package org.pchat.server.chat;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One preference to write.
 *
 * @param label           the preference label
 * @param expectedVersion the version the client last read (0: it must not exist yet); empty writes whatever
 *                        the stored version is
 * @param content         the new value
 */
public record PreferenceUpdate(String label, OptionalLong expectedVersion, String content) {

    public PreferenceUpdate {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Objects.requireNonNull(content, "content");
    }

    @Override
    public String toString() {
        return "PreferenceUpdate[label=" + label + ", expectedVersion=" + expectedVersion + ", content=<"
                + content.length() + " chars>]";
    }
}
