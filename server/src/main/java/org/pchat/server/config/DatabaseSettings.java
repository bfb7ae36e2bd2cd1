package org.pchat.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pchat.server.db.DatabaseConfig;

/**
 * The keys of the content and compliance databases, mapped onto {@link DatabaseConfig}. Unset URLs
 * default to the embedded H2 files {@code <data.dir>/content} and {@code <data.dir>/compliance}
 * (user {@code sa}, no password).
 */
public final class DatabaseSettings {

    public static final ConfigKey<String> CONTENT_URL = ConfigKey.sensitive("db.content.url", ValueType.jdbcUrl(),
            Sensitivity.URL_WITH_SECRET, "JDBC URL of the content database; unset means H2 under data.dir.");
    public static final ConfigKey<String> CONTENT_USER = ConfigKey.optional("db.content.user",
            ValueType.text("a user name"), "User of the content database.");
    public static final ConfigKey<String> CONTENT_PASSWORD = ConfigKey.sensitive("db.content.password",
            ValueType.text("a password"), Sensitivity.SECRET, "Password of the content database.");
    public static final ConfigKey<String> COMPLIANCE_URL = ConfigKey.sensitive("db.compliance.url",
            ValueType.jdbcUrl(), Sensitivity.URL_WITH_SECRET,
            "JDBC URL of the compliance database; unset means H2 under data.dir.");
    public static final ConfigKey<String> COMPLIANCE_USER = ConfigKey.optional("db.compliance.user",
            ValueType.text("a user name"), "User of the compliance database.");
    public static final ConfigKey<String> COMPLIANCE_PASSWORD = ConfigKey.sensitive("db.compliance.password",
            ValueType.text("a password"), Sensitivity.SECRET, "Password of the compliance database.");
    public static final ConfigKey<Integer> POOL_SIZE = ConfigKey.of("db.pool.size",
            ValueType.integer("a connection count", DatabaseConfig.MIN_POOL_SIZE, DatabaseConfig.MAX_POOL_SIZE),
            DatabaseConfig.DEFAULT_POOL_SIZE, "Connections per database pool.");
    public static final ConfigKey<Duration> CONNECTION_TIMEOUT = ConfigKey.of("db.connection-timeout",
            ValueType.seconds(1, 600), DatabaseConfig.DEFAULT_CONNECTION_TIMEOUT,
            "Seconds a request waits for a free database connection.");

    private DatabaseSettings() {
    }

    /**
     * The database config and, for the effective-config log, the values derived from {@code data.dir}.
     *
     * @param config the validated database config
     * @param shownDerived masked values of the keys that were not set and were derived from {@code data.dir}
     */
    record Resolved(DatabaseConfig config, Map<String, String> shownDerived) {
        Resolved {
            shownDerived = Map.copyOf(shownDerived);
        }
    }

    /** The keys of both databases. */
    public static List<ConfigKey<?>> keys() {
        return List.of(CONTENT_URL, CONTENT_USER, CONTENT_PASSWORD, COMPLIANCE_URL, COMPLIANCE_USER,
                COMPLIANCE_PASSWORD, POOL_SIZE, CONNECTION_TIMEOUT);
    }

    static Resolved resolve(Settings settings, Path dataDir) {
        DatabaseConfig embedded = DatabaseConfig.embedded(dataDir);
        Map<String, String> derived = new LinkedHashMap<>();
        Optional<String> contentUrl = checkedUrl(settings, CONTENT_URL);
        Optional<String> complianceUrl = checkedUrl(settings, COMPLIANCE_URL);
        String contentUser = userOrPassword(settings, CONTENT_USER, contentUrl, embedded.contentUser(), derived);
        String contentPassword =
                userOrPassword(settings, CONTENT_PASSWORD, contentUrl, embedded.contentPassword(), derived);
        String complianceUser =
                userOrPassword(settings, COMPLIANCE_USER, complianceUrl, embedded.complianceUser(), derived);
        String compliancePassword =
                userOrPassword(settings, COMPLIANCE_PASSWORD, complianceUrl, embedded.compliancePassword(), derived);
        try {
            DatabaseConfig config = new DatabaseConfig(
                    valueOrDerived(settings, CONTENT_URL, embedded.contentUrl(), derived), contentUser,
                    contentPassword, valueOrDerived(settings, COMPLIANCE_URL, embedded.complianceUrl(), derived),
                    complianceUser, compliancePassword, settings.get(POOL_SIZE), settings.get(CONNECTION_TIMEOUT));
            return new Resolved(config, derived);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("db.* rejected: " + e.getMessage(), e);
        }
    }

    /** A set URL, checked by {@link DatabaseConfig}'s own rules so the error names the key. */
    private static Optional<String> checkedUrl(Settings settings, ConfigKey<String> key) {
        Optional<String> url = settings.find(key);
        url.ifPresent(u -> {
            try {
                DatabaseConfig.of(u, u, "", "");
            } catch (IllegalArgumentException e) {
                String origin = settings.raw(key).map(r -> ", from " + r.origin().describe()).orElse("");
                throw new ConfigException(key.name() + "=" + key.display(u) + " is not accepted: " + e.getMessage()
                        + origin, e);
            }
        });
        return url;
    }

    private static String valueOrDerived(Settings settings, ConfigKey<String> key, String embedded,
            Map<String, String> derived) {
        return settings.find(key).orElseGet(() -> {
            derived.put(key.name(), key.display(embedded));
            return embedded;
        });
    }

    /** The embedded default user and password apply only to the embedded database. */
    private static String userOrPassword(Settings settings, ConfigKey<String> key, Optional<String> url,
            String embedded, Map<String, String> derived) {
        Optional<String> value = settings.find(key);
        if (value.isPresent()) {
            return value.get();
        }
        if (url.isPresent()) {
            return "";
        }
        derived.put(key.name(), key.display(embedded));
        return embedded;
    }
}
