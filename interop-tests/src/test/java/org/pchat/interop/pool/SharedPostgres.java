package org.pchat.interop.pool;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A content and a compliance database on the PostgreSQL server the suite runs against (127.0.0.1:5432, role
 * pchat/pchat, set up by {@code .ci/setup}), created fresh for one test and dropped after it.
 */
final class SharedPostgres implements AutoCloseable {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = "pchat";
    private static final String PASSWORD = "pchat";

    private final List<String> names;

    SharedPostgres(String prefix) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        this.names = List.of((prefix + "_content_" + suffix).toLowerCase(Locale.ROOT),
                (prefix + "_compliance_" + suffix).toLowerCase(Locale.ROOT));
        for (String name : names) {
            execute("CREATE DATABASE " + name);
        }
    }

    /** The {@code --set} overrides that put a process on these databases. */
    Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("db.content.url", SERVER + names.get(0));
        settings.put("db.content.user", USER);
        settings.put("db.content.password", PASSWORD);
        settings.put("db.compliance.url", SERVER + names.get(1));
        settings.put("db.compliance.user", USER);
        settings.put("db.compliance.password", PASSWORD);
        return settings;
    }

    @Override
    public void close() {
        for (String name : names) {
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError("Expected PostgreSQL on 127.0.0.1:5432 (role pchat/pchat, see .ci/setup) to run '"
                    + sql + "' (but " + e.getMessage() + ")", e);
        }
    }
}
