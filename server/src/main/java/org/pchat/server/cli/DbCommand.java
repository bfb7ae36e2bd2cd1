package org.pchat.server.cli;

import java.io.PrintWriter;
import org.pchat.server.config.PchatConfig;
import org.pchat.server.db.Databases;
import org.pchat.server.db.MigrationReport;
import picocli.CommandLine.Command;

/** {@code pchat db migrate}: creates or upgrades the content and compliance schemas (Install-CsDatabase). */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Database administration.",
        subcommands = DbCommand.Migrate.class)
final class DbCommand {

    private DbCommand() {
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Create or upgrade both database schemas ('serve' does this at start too).")
    static final class Migrate extends AdminCommand {
        @Override
        protected void execute(CliContext context, PchatConfig config, PrintWriter out) {
            MigrationReport report;
            try (Databases databases = AdminSession.openDatabases(config)) {
                report = databases.migrate();
            }
            out.println("content database at schema version " + report.contentVersion() + " ("
                    + report.contentApplied() + " migrations applied)");
            out.println("compliance database at schema version " + report.complianceVersion() + " ("
                    + report.complianceApplied() + " migrations applied)");
        }
    }
}
