package org.pchat.server.db;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the content and compliance databases are and how many connections each pool keeps.
 * Validated at construction; {@link #toString()} masks the passwords.
 *
 * @param contentUrl         JDBC URL of the content database (H2 or PostgreSQL)
 * @param contentUser        its user
 * @param contentPassword    its password (may be empty)
 * @param complianceUrl      JDBC URL of the compliance database
 * @param complianceUser     its user
 * @param compliancePassword its password (may be empty)
 * @param maxPoolSize        connections per pool
 * @param connectionTimeout  how long a caller waits for a connection
 */
public record DatabaseConfig(String contentUrl, String contentUser, String contentPassword, String complianceUrl,
        String complianceUser, String compliancePassword, int maxPoolSize, Duration connectionTimeout) {

    /** Smallest pool size accepted. */
    public static final int MIN_POOL_SIZE = 2;
    /** Largest pool size accepted. */
    public static final int MAX_POOL_SIZE = 200;
    /** Default pool size. */
    public static final int DEFAULT_POOL_SIZE = 10;
    /** Default wait for a connection. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(10);

    private static final Pattern PASSWORD_IN_URL = Pattern.compile("[?&;]password=", Pattern.CASE_INSENSITIVE);

    /**
     * H2 file settings: keep the database open until {@link Databases#close()} says
     * {@code SHUTDOWN} (not at JVM exit, which would race with the pools), and wait up to 10 s
     * for a row lock (posting locks the room's counter row).
     */
    static final String H2_FILE_SETTINGS = ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";

    public DatabaseConfig {
        contentUrl = requireUrl("content", contentUrl);
        complianceUrl = requireUrl("compliance", complianceUrl);
        contentUser = Objects.requireNonNullElse(contentUser, "");
        contentPassword = Objects.requireNonNullElse(contentPassword, "");
        complianceUser = Objects.requireNonNullElse(complianceUser, "");
        compliancePassword = Objects.requireNonNullElse(compliancePassword, "");
        if (maxPoolSize < MIN_POOL_SIZE || maxPoolSize > MAX_POOL_SIZE) {
            throw new IllegalArgumentException("database maxPoolSize is " + maxPoolSize + ", allowed range is "
                    + MIN_POOL_SIZE + ".." + MAX_POOL_SIZE);
        }
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        if (connectionTimeout.compareTo(Duration.ofMillis(250)) < 0
                || connectionTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("database connectionTimeout is " + connectionTimeout
                    + ", allowed range is PT0.25S..PT10M");
        }
    }

    /**
     * The Standard topology's embedded databases: H2 files {@code <dataDir>/content} and
     * {@code <dataDir>/compliance}, user {@code sa}, no password.
     */
    public static DatabaseConfig embedded(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        return new DatabaseConfig(h2FileUrl(dir.resolve("content")), "sa", "",
                h2FileUrl(dir.resolve("compliance")), "sa", "", DEFAULT_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT);
    }

    /** Both databases on one PostgreSQL server (or any two URLs) with the same account. */
    public static DatabaseConfig of(String contentUrl, String complianceUrl, String user, String password) {
        return new DatabaseConfig(contentUrl, user, password, complianceUrl, user, password, DEFAULT_POOL_SIZE,
                DEFAULT_CONNECTION_TIMEOUT);
    }

    /** A copy with another pool size. */
    public DatabaseConfig withMaxPoolSize(int value) {
        return new DatabaseConfig(contentUrl, contentUser, contentPassword, complianceUrl, complianceUser,
                compliancePassword, value, connectionTimeout);
    }

    /** The H2 file URL, with this project's settings, of a database file base path (no extension). */
    public static String h2FileUrl(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath().normalize() + H2_FILE_SETTINGS;
    }

    @Override
    public String toString() {
        return "DatabaseConfig[contentUrl=" + contentUrl + ", contentUser=" + contentUser + ", contentPassword="
                + mask(contentPassword) + ", complianceUrl=" + complianceUrl + ", complianceUser=" + complianceUser
                + ", compliancePassword=" + mask(compliancePassword) + ", maxPoolSize=" + maxPoolSize
                + ", connectionTimeout=" + connectionTimeout + "]";
    }

    private static String mask(String password) {
        return password.isEmpty() ? "<none>" : "****";
    }

    private static String requireUrl(String which, String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(which + " database URL is missing: give a jdbc:h2:… or "
                    + "jdbc:postgresql:… URL");
        }
        String trimmed = url.trim();
        try {
            SqlDialects.forJdbcUrl(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(which + " database: " + e.getMessage(), e);
        }
        if (PASSWORD_IN_URL.matcher(trimmed).find()) {
            throw new IllegalArgumentException(which + " database URL " + SqlDialects.scheme(trimmed)
                    + "… carries a password: give it as the password setting so it stays masked in logs");
        }
        return trimmed;
    }
}
