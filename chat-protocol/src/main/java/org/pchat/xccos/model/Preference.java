package org.pchat.xccos.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A per-user preference {@code <pref label="…" seqid="71" createdefault="true" content="<base64>"/>}
 * (xccos.md §4.3). The same block is used in {@code getpref}/{@code setpref} requests and (unverified) replies.
 *
 * @param label         the key, e.g. {@code kedzie.GroupChannels}
 * @param version       {@code seqid}, read as a version counter for optimistic concurrency
 * @param createDefault {@code createdefault}
 * @param content       the base64 "free text" value
 */
public record Preference(String label, OptionalLong version, Optional<Boolean> createDefault,
                         Optional<String> content) implements DataBlock {

    /** The element name. */
    public static final String ELEMENT = "pref";

    public Preference {
        Objects.requireNonNull(label, "label");
        if (label.isBlank()) {
            throw new IllegalArgumentException("pref label is blank");
        }
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(createDefault, "createDefault");
        Objects.requireNonNull(content, "content");
    }

    /** A stored value, as a reply carries it. */
    public static Preference stored(String label, long version, String content) {
        return new Preference(label, OptionalLong.of(version), Optional.empty(), Optional.of(content));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.preference(this);
    }

    /** Masks the content: it is the user's private data. */
    @Override
    public String toString() {
        return "Preference[label=" + label + ", version=" + version + ", createDefault=" + createDefault
                + ", content=" + content.map(c -> "<" + c.length() + " chars>").orElse("none") + "]";
    }
}
