package org.pchat.server.domain;

import java.util.Objects;

/**
 * A per-user preference (xccos.md §4.3 getpref/setpref): an opaque value under a label.
 *
 * @param userUri normalized SIP URI of the owner
 * @param label   the preference label, e.g. {@code kedzie.GroupChannels}
 * @param version version counter, incremented by every write (optimistic concurrency)
 * @param content the stored value (base64 text as the client sent it)
 */
public record Preference(String userUri, String label, long version, String content) {
    public Preference {
        Objects.requireNonNull(userUri, "userUri");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(content, "content");
    }

    /** Text for logs: the length of the content only. */
    @Override
    public String toString() {
        return "Preference[userUri=" + userUri + ", label=" + label + ", version=" + version
                + ", content=<" + content.length() + " chars>]";
    }
}
