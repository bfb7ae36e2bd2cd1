package org.pchat.server.db;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.pchat.db.PostgresTestDatabase;

/**
 * Migrated content and compliance databases for one test class: embedded H2 files in a
 * directory (the Standard topology's own settings), or two fresh PostgreSQL databases that are
 * dropped on close.
 */
public final class TestDatabases implements AutoCloseable {

    private final Databases databases;
    private final List<PostgresTestDatabase> dropOnClose;

    private TestDatabases(Databases databases, List<PostgresTestDatabase> dropOnClose) {
        this.databases = databases;
        this.dropOnClose = dropOnClose;
    }

    /** Embedded H2 files under {@code dataDir}, as {@link DatabaseConfig#embedded(Path)} configures them. */
    public static TestDatabases h2(Path dataDir) {
        Databases databases = Databases.open(DatabaseConfig.embedded(dataDir));
        databases.migrate();
        return new TestDatabases(databases, List.of());
    }

    /** Two fresh PostgreSQL databases (content, compliance) on the test server. */
    public static TestDatabases postgres(String prefix) {
        List<PostgresTestDatabase> created = new ArrayList<>();
        PostgresTestDatabase content = PostgresTestDatabase.create(prefix + "_content");
        created.add(content);
        PostgresTestDatabase compliance = PostgresTestDatabase.create(prefix + "_compliance");
        created.add(compliance);
        Databases databases = Databases.open(new DatabaseConfig(content.url(), content.user(), content.password(),
                compliance.url(), compliance.user(), compliance.password(), DatabaseConfig.DEFAULT_POOL_SIZE,
                Duration.ofSeconds(10)));
        databases.migrate();
        return new TestDatabases(databases, created);
    }

    public Databases databases() {
        return databases;
    }

    @Override
    public void close() throws SQLException {
        databases.close();
        for (PostgresTestDatabase db : dropOnClose) {
            db.close();
        }
    }
}
