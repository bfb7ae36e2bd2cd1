package org.pchat.server.config;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One configuration key: its name in the properties file, its type, its default and whether it is
 * secret. The key also produces the error messages for its values, so every rule has one home.
 *
 * @param name the property name, for example {@code sip.port}
 * @param type how the value is parsed and which values are allowed
 * @param defaultValue the built-in default; empty when the key is optional or derived from another key
 * @param sensitivity whether the value must be masked in logs
 * @param description one sentence for the documentation and {@code --help}
 * @param <T> the typed value
 */
public record ConfigKey<T>(String name, ValueType<T> type, Optional<T> defaultValue, Sensitivity sensitivity,
        String description) {

    /** The environment variable prefix: {@code sip.port} is overridden by {@code PCHAT_SIP_PORT}. */
    public static final String ENV_PREFIX = "PCHAT_";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(sensitivity, "sensitivity");
        Objects.requireNonNull(description, "description");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("config key name " + name + " is not dotted lower-case words");
        }
        defaultValue.ifPresent(d -> {
            if (!type.accepts(d)) {
                throw new IllegalArgumentException("default of " + name + " is not " + type.expectation());
            }
        });
    }

    /** A plain key with a default. */
    public static <T> ConfigKey<T> of(String name, ValueType<T> type, T defaultValue, String description) {
        return new ConfigKey<>(name, type, Optional.of(defaultValue), Sensitivity.PLAIN, description);
    }

    /** A plain key without a default: absent unless set, or derived by the loader. */
    public static <T> ConfigKey<T> optional(String name, ValueType<T> type, String description) {
        return new ConfigKey<>(name, type, Optional.empty(), Sensitivity.PLAIN, description);
    }

    /** A key without a default whose value is masked in logs. */
    public static <T> ConfigKey<T> sensitive(String name, ValueType<T> type, Sensitivity sensitivity,
            String description) {
        return new ConfigKey<>(name, type, Optional.empty(), sensitivity, description);
    }

    /** The environment variable that overrides this key: {@code PCHAT_}, upper case, dots and dashes to underscores. */
    public String envName() {
        return ENV_PREFIX + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /**
     * Parses text from a configuration source.
     *
     * @throws ConfigException naming the key, the value (masked if secret), what is allowed and the origin
     */
    public T parse(String text, Origin origin) {
        return type.parse(text).orElseThrow(() -> new ConfigException(
                name + "=" + SecretMasker.mask(text, sensitivity) + " is not " + type.expectation()
                        + ", from " + origin.describe()));
    }

    /**
     * Checks a typed value, for records built in code rather than by the loader.
     *
     * @throws ConfigException naming the key, the value and what is allowed
     */
    public T check(T value) {
        if (!type.accepts(value)) {
            String shown = value == null ? "null" : SecretMasker.mask(type.format(value), sensitivity);
            throw new ConfigException(name + "=" + shown + " is not " + type.expectation());
        }
        return value;
    }

    /** The value as it may appear in a log line: secrets masked. */
    public String display(T value) {
        return SecretMasker.mask(type.format(value), sensitivity);
    }
}
