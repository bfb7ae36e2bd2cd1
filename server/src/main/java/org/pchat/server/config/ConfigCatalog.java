package org.pchat.server.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pchat.server.compliance.ComplianceConfig;

/**
 * Every key the server knows, in documentation order. Lookups by property name and by environment
 * variable, and "did you mean" suggestions for typos.
 */
public final class ConfigCatalog {
    private static final int MAX_SUGGESTION_DISTANCE = 3;

    private final Map<String, ConfigKey<?>> byName = new LinkedHashMap<>();
    private final Map<String, ConfigKey<?>> byEnvName = new LinkedHashMap<>();

    /**
     * @param keys the known keys
     * @throws IllegalArgumentException when two keys share a name or an environment variable
     */
    public ConfigCatalog(List<ConfigKey<?>> keys) {
        for (ConfigKey<?> key : keys) {
            if (byName.putIfAbsent(key.name(), key) != null) {
                throw new IllegalArgumentException("duplicate config key " + key.name());
            }
            ConfigKey<?> clash = byEnvName.putIfAbsent(key.envName(), key);
            if (clash != null) {
                throw new IllegalArgumentException("config keys " + clash.name() + " and " + key.name()
                        + " map to the same environment variable " + key.envName());
            }
        }
    }

    /** The keys of every component record, in the order the example file documents them. */
    public static ConfigCatalog standard() {
        List<ConfigKey<?>> keys = new ArrayList<>();
        keys.addAll(NodeConfig.keys());
        keys.addAll(ChatLimits.keys());
        keys.addAll(DatabaseSettings.keys());
        keys.addAll(DirectorySettings.keys());
        keys.addAll(PasswordSettings.keys());
        keys.addAll(SipEndpointConfig.keys());
        keys.addAll(ProxyConfig.keys());
        keys.addAll(XmppConfig.keys());
        keys.addAll(HttpConfig.keys());
        keys.addAll(PoolConfig.keys());
        keys.addAll(LaunchConfig.keys());
        keys.addAll(ComplianceConfig.keys());
        return new ConfigCatalog(keys);
    }

    /** All keys in documentation order. */
    public List<ConfigKey<?>> keys() {
        return List.copyOf(byName.values());
    }

    /** The key with this property name. */
    public Optional<ConfigKey<?>> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The key overridden by this environment variable. */
    public Optional<ConfigKey<?>> byEnvName(String variable) {
        return Optional.ofNullable(byEnvName.get(variable));
    }

    /** The closest known property name, if one is near enough to be a typo. */
    public Optional<String> suggestName(String unknown) {
        return closest(unknown, byName.keySet());
    }

    /** The closest known environment variable, if one is near enough to be a typo. */
    public Optional<String> suggestEnvName(String unknown) {
        return closest(unknown, byEnvName.keySet());
    }

    private static Optional<String> closest(String unknown, Collection<String> known) {
        Objects.requireNonNull(unknown, "unknown");
        return known.stream()
                .filter(candidate -> distance(unknown, candidate) <= MAX_SUGGESTION_DISTANCE)
                .min(Comparator.comparingInt((String candidate) -> distance(unknown, candidate)));
    }

    /** Levenshtein edit distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
