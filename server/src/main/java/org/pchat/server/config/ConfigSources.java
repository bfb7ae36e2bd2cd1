package org.pchat.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the raw layers (properties file, environment, {@code --set} flags) and rejects unknown keys,
 * so a typo fails the start instead of being silently ignored.
 */
final class ConfigSources {
    private final ConfigCatalog catalog;

    ConfigSources(ConfigCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /** Every line of a properties file (UTF-8). */
    Map<String, RawValue> fromFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file + " does not exist", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("config file " + file + " cannot be read: " + e.getMessage(), e);
        }
        Origin origin = new Origin.File(file);
        Map<String, RawValue> values = new LinkedHashMap<>();
        for (String name : new TreeSet<>(properties.stringPropertyNames())) {
            requireKnown(name, "in config file " + file);
            values.put(name, new RawValue(properties.getProperty(name), origin));
        }
        return values;
    }

    /** Every {@code PCHAT_*} environment variable. */
    Map<String, RawValue> fromEnvironment(Map<String, String> environment) {
        Map<String, RawValue> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet()) {
            String name = variable.getKey();
            if (!name.startsWith(ConfigKey.ENV_PREFIX)) {
                continue;
            }
            ConfigKey<?> key = catalog.byEnvName(name).orElseThrow(() -> new ConfigException(
                    "unknown environment variable " + name + " (no config key maps to it"
                            + catalog.suggestEnvName(name).map(s -> "; did you mean " + s + "?").orElse("") + ")"));
            values.put(key.name(), new RawValue(variable.getValue(), new Origin.Environment(name)));
        }
        return values;
    }

    /** The {@code --set key=value} flags, a later one winning, then {@code --data-dir}. */
    Map<String, RawValue> fromFlags(List<String> sets, Optional<Path> dataDir) {
        Map<String, RawValue> values = new LinkedHashMap<>();
        for (String set : sets) {
            int equals = set.indexOf('=');
            if (equals <= 0) {
                throw new ConfigException("--set " + set + " is not of the form key=value");
            }
            String name = set.substring(0, equals).trim();
            requireKnown(name, "in --set " + set);
            values.put(name, new RawValue(set.substring(equals + 1), new Origin.Flag("--set")));
        }
        dataDir.ifPresent(dir -> {
            if (values.containsKey(NodeConfig.DATA_DIR.name())) {
                throw new ConfigException("--data-dir " + dir + " and --set " + NodeConfig.DATA_DIR.name()
                        + " both given; use one");
            }
            values.put(NodeConfig.DATA_DIR.name(), new RawValue(dir.toString(), new Origin.Flag("--data-dir")));
        });
        return values;
    }

    private void requireKnown(String name, String where) {
        if (catalog.byName(name).isEmpty()) {
            throw new ConfigException("unknown config key " + name + " " + where
                    + catalog.suggestName(name).map(s -> " (did you mean " + s + "?)").orElse(""));
        }
    }
}
