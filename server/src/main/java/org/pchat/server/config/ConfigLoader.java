package org.pchat.server.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pchat.server.db.DatabaseConfig;

/**
 * Builds the validated {@link PchatConfig} from defaults, the properties file, the environment and
 * command-line flags, in increasing order of strength. Every error is a {@link ConfigException} with
 * a one-line message naming the key, the value, what is allowed and where the value came from.
 */
public final class ConfigLoader {
    /** The file read from the working directory when no {@code --config} is given. */
    public static final String DEFAULT_FILE_NAME = "pchat.properties";

    private final ConfigCatalog catalog;
    private final Map<String, String> environment;
    private final Path workingDir;

    /**
     * @param catalog the known keys
     * @param environment the process environment (only {@code PCHAT_*} variables are read)
     * @param workingDir the directory relative paths and the default file resolve against
     */
    public ConfigLoader(ConfigCatalog catalog, Map<String, String> environment, Path workingDir) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.workingDir = Objects.requireNonNull(workingDir, "workingDir").toAbsolutePath().normalize();
    }

    /**
     * Loads and validates the configuration.
     *
     * @throws ConfigException on an unknown key, a value that is not allowed, a contradiction or an unreadable file
     */
    public PchatConfig load(ConfigRequest request) {
        ConfigSources sources = new ConfigSources(catalog);
        Optional<Path> file = configFile(request);
        Map<String, RawValue> merged = new HashMap<>();
        file.ifPresent(f -> merged.putAll(sources.fromFile(f)));
        merged.putAll(sources.fromEnvironment(environment));
        merged.putAll(sources.fromFlags(request.sets(), request.dataDir()));
        Settings settings = new Settings(merged, workingDir);

        NodeConfig node = NodeConfig.from(settings);
        DatabaseSettings.Resolved database = DatabaseSettings.resolve(settings, node.dataDir());
        SipEndpointConfig sip = SipEndpointConfig.from(settings);
        ProxyConfig proxy = ProxyConfig.from(settings);
        XmppConfig xmpp = XmppConfig.from(settings);
        HttpConfig http = HttpConfig.from(settings);
        PoolConfig pool = PoolConfig.from(settings);
        LaunchConfig launch = LaunchConfig.from(settings);
        ListenerPorts.requireDistinct(ListenerPorts.of(sip, proxy, xmpp, http, pool));

        Map<String, String> shown = new HashMap<>(database.shownDerived());
        shown.put(NodeConfig.DATA_DIR.name(), node.dataDir().toString());
        EffectiveConfig effective = effective(settings, file, shown);
        DatabaseConfig databaseConfig = database.config();
        return new PchatConfig(node, databaseConfig, DirectorySettings.resolve(settings, node.limits()),
                PasswordSettings.resolve(settings), sip, proxy, xmpp, http, pool, launch, effective);
    }

    private Optional<Path> configFile(ConfigRequest request) {
        if (request.configFile().isPresent()) {
            return Optional.of(workingDir.resolve(request.configFile().get()).normalize());
        }
        Path fallback = workingDir.resolve(DEFAULT_FILE_NAME);
        return Files.isRegularFile(fallback) ? Optional.of(fallback) : Optional.empty();
    }

    private EffectiveConfig effective(Settings settings, Optional<Path> file, Map<String, String> shown) {
        List<EffectiveConfig.Entry> entries = catalog.keys().stream()
                .map(key -> entry(key, settings, shown))
                .toList();
        return new EffectiveConfig(file, entries);
    }

    private static <T> EffectiveConfig.Entry entry(ConfigKey<T> key, Settings settings, Map<String, String> shown) {
        Optional<RawValue> raw = settings.raw(key);
        String value = shown.containsKey(key.name())
                ? shown.get(key.name())
                : settings.find(key).map(key::display).orElse("");
        Origin origin;
        if (raw.isPresent()) {
            origin = raw.get().origin();
        } else if (key.defaultValue().isPresent()) {
            origin = new Origin.Default();
        } else if (shown.containsKey(key.name())) {
            origin = new Origin.Derived(NodeConfig.DATA_DIR.name());
        } else {
            origin = new Origin.Unset();
        }
        return new EffectiveConfig.Entry(key.name(), value, origin);
    }
}
