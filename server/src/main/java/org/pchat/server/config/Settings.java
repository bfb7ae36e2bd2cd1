package org.pchat.server.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The merged raw values of all known keys (flags over environment over file), read through typed
 * keys. Blank values count as not set. Relative paths resolve against the working directory.
 */
public final class Settings {
    private final Map<String, RawValue> values;
    private final Path workingDir;

    /**
     * @param values the strongest raw value per key name; only names of known keys
     * @param workingDir the directory relative paths are resolved against
     */
    public Settings(Map<String, RawValue> values, Path workingDir) {
        this.values = Map.copyOf(Objects.requireNonNull(values, "values"));
        this.workingDir = Objects.requireNonNull(workingDir, "workingDir").toAbsolutePath().normalize();
    }

    /** The value of a key that has a default. */
    public <T> T get(ConfigKey<T> key) {
        return find(key).orElseThrow(() -> new IllegalStateException("config key " + key.name() + " has no default"));
    }

    /** The value of a key, or its default, or empty when neither exists. */
    public <T> Optional<T> find(ConfigKey<T> key) {
        Optional<RawValue> raw = raw(key);
        if (raw.isPresent()) {
            return Optional.of(key.parse(raw.get().text(), raw.get().origin()));
        }
        return key.defaultValue();
    }

    /** A path value resolved against the working directory. */
    public Optional<Path> path(ConfigKey<Path> key) {
        return find(key).map(p -> workingDir.resolve(p).normalize());
    }

    /** The raw value of a key when some source set it to non-blank text. */
    public Optional<RawValue> raw(ConfigKey<?> key) {
        return Optional.ofNullable(values.get(key.name())).filter(v -> !v.isBlank());
    }

    /** The directory relative paths are resolved against. */
    public Path workingDir() {
        return workingDir;
    }
}
