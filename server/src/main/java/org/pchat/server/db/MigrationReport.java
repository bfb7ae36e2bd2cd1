package org.pchat.server.db;

/**
 * What {@link Databases#migrate()} did.
 *
 * @param contentApplied    migrations applied to the content database
 * @param contentVersion    the content schema version now
 * @param complianceApplied migrations applied to the compliance database
 * @param complianceVersion the compliance schema version now
 */
public record MigrationReport(int contentApplied, String contentVersion, int complianceApplied,
        String complianceVersion) {
}
