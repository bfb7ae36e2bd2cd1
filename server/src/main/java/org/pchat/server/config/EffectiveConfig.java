package org.pchat.server.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The value in force for every key, with secrets already masked, ready to be logged once at start.
 *
 * @param file the properties file that was read, if any
 * @param entries one entry per known key, in documentation order
 */
public record EffectiveConfig(Optional<Path> file, List<Entry> entries) {

    public EffectiveConfig {
        Objects.requireNonNull(file, "file");
        entries = List.copyOf(entries);
    }

    /**
     * One key's value in force.
     *
     * @param key the property name
     * @param shownValue the value with secrets masked; empty when the key is not set and has no default
     * @param origin where the value came from
     */
    public record Entry(String key, String shownValue, Origin origin) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(shownValue, "shownValue");
            Objects.requireNonNull(origin, "origin");
        }
    }

    /** The entry of one key. */
    public Optional<Entry> entry(String key) {
        return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    /** Multi-line text: the file read, then {@code key = value (origin)} per key. */
    public String render() {
        List<String> lines = new ArrayList<>();
        lines.add("config file: " + file.map(Path::toString).orElse("none"));
        for (Entry entry : entries) {
            lines.add("  " + entry.key() + " = " + entry.shownValue() + "  (" + entry.origin().describe() + ")");
        }
        return String.join(System.lineSeparator(), lines);
    }
}
