package org.pchat.server.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh, uniquely named PostgreSQL database for one test class, dropped on close. The server
 * is given by {@code PCHAT_TEST_PG_URL} (system property or environment; an admin connection,
 * default {@code jdbc:postgresql://127.0.0.1:5432/postgres}), {@code PCHAT_TEST_PG_USER} and
 * {@code PCHAT_TEST_PG_PASSWORD} (default pchat / pchat). An unreachable server fails the test.
 */
public final class PostgresTestDatabase implements AutoCloseable {

    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String name;

    private PostgresTestDatabase(String adminUrl, String user, String password, String name) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    /** Creates a database named {@code <prefix>_<random>}. */
    public static PostgresTestDatabase create(String prefix) {
        String adminUrl = setting("PCHAT_TEST_PG_URL", DEFAULT_URL);
        String user = setting("PCHAT_TEST_PG_USER", "pchat");
        String password = setting("PCHAT_TEST_PG_PASSWORD", "pchat");
        String name = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
                .toLowerCase(Locale.ROOT);
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new AssertionError("PostgreSQL for tests is not reachable at " + adminUrl + " as user '" + user
                    + "' (" + e.getMessage() + "). Start it with `sudo bash .ci/setup` (installs and starts "
                    + "PostgreSQL 15 with role pchat/pchat), or point PCHAT_TEST_PG_URL, PCHAT_TEST_PG_USER and "
                    + "PCHAT_TEST_PG_PASSWORD at a server where that user may create databases.", e);
        }
        return new PostgresTestDatabase(adminUrl, user, password, name);
    }

    /** JDBC URL of the test database. */
    public String url() {
        int query = adminUrl.indexOf('?');
        String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
        String params = query < 0 ? "" : adminUrl.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + params;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
