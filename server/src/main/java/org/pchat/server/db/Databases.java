package org.pchat.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The content and compliance databases: one HikariCP pool and one jOOQ {@link DSLContext}
 * each. Open with {@link #open(DatabaseConfig)}, run {@link #migrate()} once at startup, close
 * at shutdown.
 */
public final class Databases implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Databases.class);

    /** Flyway location of the content migrations (shipped by jooq-codegen). */
    public static final String CONTENT_MIGRATIONS = "classpath:db/content";
    /** Flyway location of the compliance migrations (shipped by jooq-codegen). */
    public static final String COMPLIANCE_MIGRATIONS = "classpath:db/compliance";

    private final Pool content;
    private final Pool compliance;
    private boolean closed;

    private Databases(Pool content, Pool compliance) {
        this.content = content;
        this.compliance = compliance;
    }

    /**
     * Opens both pools and checks that each database answers.
     *
     * @throws IllegalStateException naming the database and URL when one cannot be reached
     */
    public static Databases open(DatabaseConfig config) {
        Objects.requireNonNull(config, "config");
        LOG.info("databases - opening {}", config);
        Pool content = Pool.open("pchat-content", config.contentUrl(), config.contentUser(),
                config.contentPassword(), config);
        try {
            Pool compliance = Pool.open("pchat-compliance", config.complianceUrl(), config.complianceUser(),
                    config.compliancePassword(), config);
            return new Databases(content, compliance);
        } catch (RuntimeException e) {
            content.close();
            throw e;
        }
    }

    /** Applies pending Flyway migrations to both databases. */
    public MigrationReport migrate() {
        Migrated contentResult = content.migrate(CONTENT_MIGRATIONS);
        Migrated complianceResult = compliance.migrate(COMPLIANCE_MIGRATIONS);
        return new MigrationReport(contentResult.applied(), contentResult.version(), complianceResult.applied(),
                complianceResult.version());
    }

    /** jOOQ on the content database. */
    public DSLContext content() {
        return content.dsl;
    }

    /** jOOQ on the compliance database. */
    public DSLContext compliance() {
        return compliance.dsl;
    }

    /** The content pool, for health checks. */
    public DataSource contentDataSource() {
        return content.dataSource;
    }

    /** The compliance pool, for health checks. */
    public DataSource complianceDataSource() {
        return compliance.dataSource;
    }

    /** Closes both pools; an embedded H2 database is shut down first so its files are closed cleanly. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        compliance.close();
        content.close();
    }

    /** jOOQ settings that work on H2 and PostgreSQL with the unquoted DDL of the migrations. */
    static Settings settings() {
        return new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED);
    }

    private record Migrated(int applied, String version) {
    }

    private static final class Pool {
        private final String name;
        private final HikariDataSource dataSource;
        private final SQLDialect dialect;
        private final DSLContext dsl;

        private Pool(String name, HikariDataSource dataSource, SQLDialect dialect) {
            this.name = name;
            this.dataSource = dataSource;
            this.dialect = dialect;
            this.dsl = DSL.using(dataSource, dialect, settings());
        }

        static Pool open(String name, String url, String user, String password, DatabaseConfig config) {
            SQLDialect dialect = SqlDialects.forJdbcUrl(url);
            HikariConfig hikari = new HikariConfig();
            hikari.setPoolName(name);
            hikari.setJdbcUrl(url);
            hikari.setUsername(user);
            hikari.setPassword(password);
            hikari.setMaximumPoolSize(config.maxPoolSize());
            hikari.setMinimumIdle(Math.min(2, config.maxPoolSize()));
            hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
            try {
                HikariDataSource dataSource = new HikariDataSource(hikari);
                LOG.info("{} - pool open: {} ({}), up to {} connections", name, url, dialect,
                        config.maxPoolSize());
                return new Pool(name, dataSource, dialect);
            } catch (RuntimeException e) {
                throw new IllegalStateException(name + " - cannot connect to " + url + " as user '" + user
                        + "': " + e.getMessage(), e);
            }
        }

        Migrated migrate(String location) {
            Flyway flyway = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(location)
                    .failOnMissingLocations(true)
                    .load();
            int applied = flyway.migrate().migrationsExecuted;
            MigrationInfo current = flyway.info().current();
            String version = current == null ? "none" : current.getVersion().getVersion();
            LOG.info("{} - schema at version {} ({} migrations applied)", name, version, applied);
            return new Migrated(applied, version);
        }

        void close() {
            if (dialect == SQLDialect.H2) {
                shutdownH2();
            }
            dataSource.close();
            LOG.info("{} - pool closed", name);
        }

        /** Closes the H2 database files cleanly; the pool's connections are dead afterwards. */
        private void shutdownH2() {
            boolean shutDown = false;
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
                shutDown = true;
            } catch (SQLException e) {
                if (shutDown) {
                    LOG.debug("{} - H2 shut down; returning its connection failed as expected: {}", name,
                            e.getMessage());
                } else {
                    LOG.warn("{} - H2 SHUTDOWN failed, closing the pool anyway: {}", name, e.toString());
                }
            }
        }
    }
}
