package org.pchat.server.launch;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.pchat.server.config.SecretMasker;
import org.pchat.server.db.DatabaseConfig;
import org.pchat.server.db.Databases;
import org.pchat.server.db.MigrationReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The content and compliance databases: opened and migrated at start, closed cleanly at stop. */
public final class DatabaseComponent implements Component {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseComponent.class);

    private final String nodeId;
    private final DatabaseConfig config;
    private final Function<DatabaseConfig, Databases> opener;
    private volatile Databases databases;

    /**
     * @param nodeId the node's identity for log lines
     * @param config where the databases are
     * @param opener opens the pools ({@code Databases::open})
     */
    public DatabaseComponent(String nodeId, DatabaseConfig config, Function<DatabaseConfig, Databases> opener) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.config = Objects.requireNonNull(config, "config");
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    @Override
    public String name() {
        return "databases";
    }

    @Override
    public void start() {
        Databases opened = opener.apply(config);
        try {
            MigrationReport report = opened.migrate();
            LOG.info("{} - content schema version {} ({} migrations applied), compliance schema version {} "
                    + "({} applied)", nodeId, report.contentVersion(), report.contentApplied(),
                    report.complianceVersion(), report.complianceApplied());
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
        databases = opened;
    }

    @Override
    public Optional<String> endpoint() {
        return Optional.of("content " + SecretMasker.maskUrl(config.contentUrl()) + ", compliance "
                + SecretMasker.maskUrl(config.complianceUrl()));
    }

    @Override
    public void stop() {
        Databases open = databases;
        databases = null;
        if (open != null) {
            open.close();
        }
    }

    /**
     * The open databases, for the components started after this one.
     *
     * @throws IllegalStateException before start or after stop
     */
    public Databases databases() {
        Databases open = databases;
        if (open == null) {
            throw new IllegalStateException(nodeId + " - databases are not open");
        }
        return open;
    }
}
