package org.pchat.server.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.pchat.server.cli.Converters.InstantConverter;
import org.pchat.server.compliance.AdapterRun;
import org.pchat.server.compliance.CheckpointedExporter;
import org.pchat.server.compliance.ComplianceConfig;
import org.pchat.server.compliance.ComplianceStatus;
import org.pchat.server.compliance.ExportAdapter;
import org.pchat.server.compliance.ExportDetails;
import org.pchat.server.compliance.ExportFormat;
import org.pchat.server.compliance.ExportListener;
import org.pchat.server.compliance.ExportOptions;
import org.pchat.server.compliance.ProgressBar;
import org.pchat.server.compliance.RangeExporter;
import org.pchat.server.config.PchatConfig;
import org.pchat.server.db.Databases;
import org.pchat.server.rooms.RoomDirectory;
import org.pchat.server.store.UserRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code pchat compliance status|export|run}, after Export-CsPersistentChatData and the compliance settings
 * cmdlets. A progress bar is drawn only on a terminal.
 */
@Command(name = "compliance", mixinStandardHelpOptions = true,
        description = "Compliance records: status, exports on demand, a run of the configured adapters.",
        subcommands = {ComplianceCommand.Status.class, ComplianceCommand.Export.class, ComplianceCommand.Run.class})
public final class ComplianceCommand {

    /** Far enough in the future for "no end", near enough for every database's timestamp type. */
    private static final Instant NO_END = Instant.parse("9999-01-01T00:00:00Z");

    private ComplianceCommand() {
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Whether compliance is on, stored events, outbox backlog, each adapter's checkpoint.")
    static final class Status extends AdminCommand {
        @Override
        protected void execute(CliContext context, PchatConfig config, PrintWriter out) {
            ComplianceConfig compliance = complianceConfig(context, config);
            ComplianceStatus status;
            try (Databases databases = openMigrated(config)) {
                status = ComplianceStatus.read(compliance, databases.content(), databases.compliance());
            }
            out.println("compliance: " + (status.enabled() ? "enabled" : "disabled") + " (formats "
                    + String.join(",", compliance.formatList().stream().map(ExportFormat::adapterName).toList())
                    + ", every " + compliance.runInterval().toSeconds() + " s, to " + compliance.outputDir() + ")");
            out.println("events: " + status.events() + " (last id " + status.lastEventId() + ")");
            out.println("outbox backlog: " + status.outboxBacklog() + " events"
                    + status.oldestQueued().map(t -> " (oldest from " + t + ")").orElse(""));
            TextTable table = new TextTable("adapter", "configured", "checkpoint", "updated", "pending");
            for (ComplianceStatus.AdapterStatus adapter : status.adapters()) {
                table.row(adapter.adapter(), adapter.configured() ? "yes" : "no",
                        adapter.checkpoint().isPresent() ? Long.toString(adapter.checkpoint().getAsLong()) : "none",
                        adapter.updatedAt().map(Instant::toString).orElse(""), adapter.pending());
            }
            table.print(out);
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the events of a time range to a directory; moves no adapter's checkpoint.")
    static final class Export extends AdminCommand {
        @Option(names = "--from", paramLabel = "TIME", converter = InstantConverter.class,
                description = "First instant, inclusive: 2024-05-01 (midnight UTC) or 2024-05-01T12:00:00Z; "
                        + "default: the beginning.")
        private Instant from;

        @Option(names = "--to", paramLabel = "TIME", converter = InstantConverter.class,
                description = "Last instant, exclusive; default: no end.")
        private Instant to;

        @Option(names = "--format", paramLabel = "FORMAT", required = true, converter = FormatConverter.class,
                description = "xml (the Lync compliance format), jsonl or csv.")
        private ExportFormat format;

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output directory.")
        private Path out;

        @Option(names = "--one-room-per-file", negatable = true,
                description = "One file per chat room (default: compliance.one-room-per-file).")
        private Boolean oneRoomPerFile;

        @Option(names = "--room-details", negatable = true,
                description = "Add room details (default: compliance.add-room-details).")
        private Boolean roomDetails;

        @Option(names = "--user-details", negatable = true,
                description = "Add user details (default: compliance.add-user-details).")
        private Boolean userDetails;

        @Override
        protected void execute(CliContext context, PchatConfig config, PrintWriter printed) throws Exception {
            Instant start = from == null ? Instant.EPOCH : from;
            Instant end = to == null ? NO_END : to;
            if (!end.isAfter(start)) {
                throw new UsageException("compliance export: --to " + end + " is not after --from " + start);
            }
            ExportOptions defaults = complianceConfig(context, config).export();
            ExportOptions options = new ExportOptions(or(oneRoomPerFile, defaults.oneRoomPerFile()),
                    or(roomDetails, defaults.roomDetails()), or(userDetails, defaults.userDetails()),
                    defaults.eventsPerFile());
            Path directory = context.environment().workingDir().resolve(out).normalize();
            Optional<ProgressBar> bar = progressBar();
            RangeExporter.Summary summary;
            try (Databases databases = openMigrated(config)) {
                RangeExporter exporter = new RangeExporter(config.node().nodeId(), databases.compliance(),
                        details(databases, config).get());
                summary = exporter.export(start, end, format, options, directory,
                        bar.<ExportListener>map(b -> b).orElse(ExportListener.NONE));
            } finally {
                bar.ifPresent(ProgressBar::finish);
            }
            printed.println("exported " + summary.events() + " events in " + summary.files().size() + " "
                    + format.adapterName() + " files to " + directory);
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run the configured export adapters once now, from their checkpoints (what 'serve' does "
                    + "every compliance.run-interval).")
    static final class Run extends AdminCommand {
        @Override
        protected void execute(CliContext context, PchatConfig config, PrintWriter out) {
            ComplianceConfig compliance = complianceConfig(context, config);
            List<ExportAdapter> adapters = ExportAdapter.of(compliance);
            Optional<ProgressBar> bar = progressBar();
            Optional<List<AdapterRun>> results;
            try (Databases databases = openMigrated(config)) {
                CheckpointedExporter exporter = new CheckpointedExporter(config.node().nodeId(),
                        databases.compliance(), details(databases, config), Clock.systemUTC());
                results = exporter.run(adapters, bar.<ExportListener>map(b -> b).orElse(ExportListener.NONE),
                        () -> { });
            } finally {
                bar.ifPresent(ProgressBar::finish);
            }
            if (results.isEmpty()) {
                throw new UnavailableException("another process is exporting compliance events now; try again later");
            }
            boolean failed = false;
            for (AdapterRun result : results.get()) {
                if (result instanceof AdapterRun.Exported done) {
                    out.println(done.adapter() + ": exported " + done.events() + " events in " + done.files()
                            + " files; checkpoint " + done.checkpoint());
                } else if (result instanceof AdapterRun.Failed stopped) {
                    out.println(stopped.adapter() + ": stopped: " + stopped.cause());
                    failed = true;
                }
            }
            if (failed) {
                throw new UnavailableException("an export adapter stopped; what it finished is checkpointed");
            }
        }
    }

    /** {@code xml|jsonl|csv}, with the accepted names in the error. */
    static final class FormatConverter implements ITypeConverter<ExportFormat> {
        @Override
        public ExportFormat convert(String value) {
            try {
                return ExportFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    private static ComplianceConfig complianceConfig(CliContext context, PchatConfig config) {
        return ComplianceConfig.of(config, context.environment().workingDir());
    }

    private static Supplier<ExportDetails> details(Databases databases, PchatConfig config) {
        return () -> ExportDetails.fromDirectory(new RoomDirectory(databases.content(), config.directory()),
                new UserRepository(databases.content()));
    }

    /** A progress bar on the terminal; none when output is not a terminal. */
    private static Optional<ProgressBar> progressBar() {
        Console console = System.console();
        return console == null ? Optional.empty() : Optional.of(new ProgressBar(console.writer()));
    }

    private static boolean or(Boolean flag, boolean fallback) {
        return flag == null ? fallback : flag;
    }

    /** Opens both databases after checking that their schemas are current. */
    private static Databases openMigrated(PchatConfig config) {
        Databases databases = AdminSession.openDatabases(config);
        try {
            int pending = pending(databases.contentDataSource(), Databases.CONTENT_MIGRATIONS)
                    + pending(databases.complianceDataSource(), Databases.COMPLIANCE_MIGRATIONS);
            if (pending > 0) {
                throw new UsageException("the database schemas are not current (" + pending
                        + " migrations pending); run 'pchat db migrate' first");
            }
            return databases;
        } catch (RuntimeException e) {
            databases.close();
            throw e;
        }
    }

    private static int pending(DataSource dataSource, String location) {
        return Flyway.configure().dataSource(dataSource).locations(location).load().info().pending().length;
    }
}
