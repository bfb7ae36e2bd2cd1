package org.pchat.server.launch;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.pchat.server.chat.ComplianceRecorder;
import org.pchat.server.chat.FileTokenService;
import org.pchat.server.config.PchatConfig;
import org.pchat.server.db.Databases;
import org.pchat.server.files.FileAudit;
import org.pchat.server.files.FileServiceConfig;
import org.pchat.server.web.WebConfig;
import org.pchat.server.web.WebModule;
import org.pchat.server.web.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server as a component of {@code serve}: web services, room management page, REST, metrics and health
 * on {@code http.port}. Start it after the databases; with {@code http.enabled=false} it starts nothing.
 */
public final class HttpComponent implements Component {

    private static final Logger LOG = LoggerFactory.getLogger(HttpComponent.class);

    private final PchatConfig config;
    private final Supplier<Databases> databases;
    private final FileTokenService fileTokens;
    private final ComplianceRecorder compliance;
    private final FileAudit fileAudit;
    private final PrometheusMeterRegistry registry;
    private final Metrics metrics;
    private final Clock clock;
    private volatile WebModule module;

    /**
     * @param config     the validated configuration
     * @param databases  the open databases (available once the database component started)
     * @param fileTokens the file tokens the chat node issues ({@code cmd:getfutok}/{@code getfdtok})
     * @param compliance records backchat reads
     * @param fileAudit  records file uploads and downloads for compliance
     * @param registry   the node's meter registry, scraped on {@code /metrics}
     * @param metrics    the node's meters on that registry (shared with the chat node)
     * @param clock      wall clock
     */
    public HttpComponent(PchatConfig config, Supplier<Databases> databases, FileTokenService fileTokens,
            ComplianceRecorder compliance, FileAudit fileAudit, PrometheusMeterRegistry registry, Metrics metrics,
            Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.databases = Objects.requireNonNull(databases, "databases");
        this.fileTokens = Objects.requireNonNull(fileTokens, "fileTokens");
        this.compliance = Objects.requireNonNull(compliance, "compliance");
        this.fileAudit = Objects.requireNonNull(fileAudit, "fileAudit");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public void start() {
        String nodeId = config.node().nodeId();
        if (!config.http().enabled()) {
            LOG.info("{} - http.enabled=false: no HTTP server", nodeId);
            return;
        }
        metrics.bindJvm();
        WebModule created = new WebModule(new WebModule.Dependencies(nodeId, config.node().sipDomain(),
                WebConfig.from(config.http(), config.node().limits(), Optional.empty()),
                FileServiceConfig.defaults(config.node().dataDir(), config.node().limits().fileSizeLimitKb())
                        .withRoot(config.http().filesDir()),
                config.directory(), config.passwords(), databases.get(), fileTokens, compliance, fileAudit,
                registry, metrics, clock));
        created.start();
        module = created;
    }

    @Override
    public Optional<String> endpoint() {
        WebModule started = module;
        return started == null ? Optional.empty() : Optional.of(started.server().endpoint());
    }

    @Override
    public void stop() {
        WebModule started = module;
        module = null;
        if (started != null) {
            started.stop();
        }
    }
}
