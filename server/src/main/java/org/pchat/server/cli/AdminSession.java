package org.pchat.server.cli;

import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.pchat.server.config.PchatConfig;
import org.pchat.server.config.SecretMasker;
import org.pchat.server.db.Databases;
import org.pchat.server.domain.credentials.PasswordHasher;
import org.pchat.server.rooms.DirectoryService;

/**
 * The databases and directory service of one admin command, opened after the command line and the
 * configuration were validated and closed when the command ends.
 */
final class AdminSession implements AutoCloseable {
    /** H2's "database may be already in use" error code. */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private final Databases databases;
    private final DirectoryService directory;

    private AdminSession(Databases databases, DirectoryService directory) {
        this.databases = databases;
        this.directory = directory;
    }

    /**
     * Opens the databases, checks that their schemas are current and builds the directory service.
     *
     * @throws UsageException when the schemas need {@code pchat db migrate}
     * @throws UnavailableException when an embedded database is held by another process
     */
    static AdminSession open(PchatConfig config) {
        Databases databases = openDatabases(config);
        try {
            requireMigrated(databases);
            return new AdminSession(databases, new DirectoryService(databases.content(), config.directory(),
                    new PasswordHasher(config.passwords()), Clock.systemUTC()));
        } catch (RuntimeException e) {
            databases.close();
            throw e;
        }
    }

    /**
     * Opens both databases.
     *
     * @throws UnavailableException when an embedded database is held by another process
     */
    static Databases openDatabases(PchatConfig config) {
        try {
            return Databases.open(config.database());
        } catch (RuntimeException e) {
            if (heldByAnotherProcess(e)) {
                String url = SecretMasker.maskUrl(config.database().contentUrl());
                throw new UnavailableException("the embedded database " + url + " is in use by another process "
                        + "(a running 'pchat serve'?); stop it first, or give every process a shared database "
                        + "(db.content.url, db.compliance.url)");
            }
            throw e;
        }
    }

    DirectoryService directory() {
        return directory;
    }

    /** The content database, for verbs that write in bulk (seed-model). */
    DSLContext content() {
        return databases.content();
    }

    @Override
    public void close() {
        databases.close();
    }

    private static void requireMigrated(Databases databases) {
        int pending = pending(databases.contentDataSource(), Databases.CONTENT_MIGRATIONS)
                + pending(databases.complianceDataSource(), Databases.COMPLIANCE_MIGRATIONS);
        if (pending > 0) {
            throw new UsageException("the database schemas are not current (" + pending
                    + " migrations pending); run 'pchat db migrate' first");
        }
    }

    private static int pending(DataSource dataSource, String location) {
        return Flyway.configure().dataSource(dataSource).locations(location).load().info().pending().length;
    }

    private static boolean heldByAnotherProcess(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }
}
