package org.pchat.server.compliance;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.pchat.server.chat.ComplianceRecorder;
import org.pchat.server.config.NodeConfig;
import org.pchat.server.db.Databases;
import org.pchat.server.files.FileAudit;
import org.pchat.server.launch.Component;
import org.pchat.server.rooms.DirectoryConfig;
import org.pchat.server.rooms.RoomDirectory;
import org.pchat.server.store.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compliance service as a component of {@code serve}: the recording hooks (available from construction, for
 * the chat node and the file service), the outbox relay every {@code compliance.relay-interval-ms} and the export
 * adapters every {@code compliance.run-interval} (then the retention purge), each on its own single-thread
 * scheduler whose runs log and continue when they fail. Start it after the databases and before the chat node.
 * With {@code compliance.enabled=false} it records and runs nothing.
 */
public final class ComplianceComponent implements Component {

    private static final Logger LOG = LoggerFactory.getLogger(ComplianceComponent.class);
    private static final long STOP_WAIT_SECONDS = 10;

    private final ComplianceConfig config;
    private final String nodeId;
    private final DirectoryConfig directory;
    private final Supplier<Databases> databases;
    private final Clock clock;
    private final ComplianceHooks hooks;
    private volatile Running running;

    /**
     * @param config    the compliance options
     * @param node      this node's identity and SIP domain
     * @param directory the directory limits (room details in exports)
     * @param databases the open databases, available once the database component started
     * @param clock     wall clock
     */
    public ComplianceComponent(ComplianceConfig config, NodeConfig node, DirectoryConfig directory,
                               Supplier<Databases> databases, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.nodeId = node.nodeId();
        this.directory = Objects.requireNonNull(directory, "directory");
        this.databases = Objects.requireNonNull(databases, "databases");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.hooks = new ComplianceHooks(config, nodeId, node.sipDomain(), clock);
    }

    /** The chat core's hook ({@link ComplianceRecorder#NONE} when disabled). */
    public ComplianceRecorder recorder() {
        return hooks.recorder();
    }

    /** The file service's hook ({@link FileAudit#NONE} when disabled). */
    public FileAudit fileAudit() {
        return hooks.fileAudit();
    }

    /** The recording hooks, with their gate (tests drive the chat core through them). */
    ComplianceHooks hooks() {
        return hooks;
    }

    @Override
    public String name() {
        return "compliance";
    }

    @Override
    public void start() {
        if (!config.enabled()) {
            LOG.info("{} - compliance.enabled=false: chat events are not recorded", nodeId);
            return;
        }
        Databases open = databases.get();
        OutboxRelay relay = new OutboxRelay(nodeId, open.content(), open.compliance(), hooks.gate(),
                config.relayBatchSize(), () -> discardConnections(open.complianceDataSource()));
        CheckpointedExporter exporter = new CheckpointedExporter(nodeId, open.compliance(),
                () -> ExportDetails.fromDirectory(new RoomDirectory(open.content(), directory),
                        new UserRepository(open.content())), clock);
        RetentionPurger purger = new RetentionPurger(nodeId, open.compliance(), clock);
        Running started = new Running(relay, exporter, purger, scheduler("relay"), scheduler("export"));
        started.relayLane().scheduleWithFixedDelay(guarded("outbox relay", relay::pass), 0,
                config.relayInterval().toMillis(), TimeUnit.MILLISECONDS);
        // The first scheduled export comes one run interval after start, as in Lync; `compliance run` exports now.
        started.exportLane().scheduleWithFixedDelay(guarded("export run", () -> export(started)),
                config.runInterval().toMillis(), config.runInterval().toMillis(), TimeUnit.MILLISECONDS);
        running = started;
        LOG.info("{} - compliance on: relay every {} ms, export every {} s as {} to {}, retention {}", nodeId,
                config.relayInterval().toMillis(), config.runInterval().toSeconds(), formats(),
                config.outputDir(), config.retentionDays() == 0 ? "forever" : config.retentionDays() + " days");
    }

    /**
     * Runs the export adapters now, on the caller's thread.
     *
     * @return the adapters' results, or empty when another process is exporting or compliance is not running
     */
    public Optional<List<AdapterRun>> exportNow() {
        Running started = running;
        return started == null ? Optional.empty() : export(started);
    }

    @Override
    public Optional<String> endpoint() {
        return config.enabled() ? Optional.of("exports " + formats() + " to " + config.outputDir()) : Optional.empty();
    }

    @Override
    public void stop() throws InterruptedException {
        Running started = running;
        running = null;
        if (started == null) {
            return;
        }
        started.relayLane().shutdown();
        started.exportLane().shutdown();
        if (!started.exportLane().awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
            LOG.warn("{} - compliance export still running after {} s; interrupting it (the next start resumes it)",
                    nodeId, STOP_WAIT_SECONDS);
            started.exportLane().shutdownNow();
        }
        if (!started.relayLane().awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
            started.relayLane().shutdownNow();
        }
        RelayOutcome last = started.relay().pass();
        LOG.info("{} - compliance stopped; last relay pass: {}", nodeId, last);
    }

    private Optional<List<AdapterRun>> export(Running started) {
        List<ExportAdapter> adapters = ExportAdapter.of(config);
        List<String> names = adapters.stream().map(ExportAdapter::name).toList();
        return started.exporter().run(adapters, ExportListener.NONE,
                () -> started.purger().purge(config.retentionDays(), names));
    }

    /**
     * Closes the compliance pool's connections (in use: when returned). HikariCP keeps a connection whose error
     * it does not know as fatal (H2 in server mode: "connection is broken", "database is closed") and would hand
     * it out again after the database came back.
     */
    private static void discardConnections(DataSource pool) {
        if (pool instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
            hikari.getHikariPoolMXBean().softEvictConnections();
        }
    }

    private Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("{} - compliance {} failed; trying again at the next interval: {}", nodeId, what,
                        e.toString(), e);
            }
        };
    }

    private ScheduledExecutorService scheduler(String what) {
        String threadName = "pchat-compliance-" + what + "-" + nodeId;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        return executor;
    }

    private String formats() {
        return config.formatList().stream().map(ExportFormat::adapterName).collect(Collectors.joining(","));
    }

    /** What runs between start and stop. */
    private record Running(OutboxRelay relay, CheckpointedExporter exporter, RetentionPurger purger,
                           ScheduledExecutorService relayLane, ScheduledExecutorService exportLane) {
    }
}
