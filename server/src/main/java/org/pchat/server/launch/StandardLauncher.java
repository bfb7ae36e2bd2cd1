package org.pchat.server.launch;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.pchat.server.chat.ComplianceRecorder;
import org.pchat.server.chat.FileTokenService;
import org.pchat.server.compliance.ComplianceComponent;
import org.pchat.server.compliance.ComplianceConfig;
import org.pchat.server.config.NodeConfig;
import org.pchat.server.config.PchatConfig;
import org.pchat.server.db.Databases;
import org.pchat.server.domain.credentials.PasswordHasher;
import org.pchat.server.proxy.ProxyComponent;
import org.pchat.server.proxy.ProxySettings;
import org.pchat.server.rooms.DirectoryService;
import org.pchat.server.web.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the Standard topology (everything in one process) from the configuration and runs it:
 * data directory, databases (opened and migrated), demo seed; the SIP endpoint, proxy, XMPP, HTTP and
 * pool channel join the component list as they are built.
 */
public final class StandardLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(StandardLauncher.class);

    private final PchatConfig config;
    private final Clock clock;
    private final String nodeId;
    private final StandardTopology topology;
    private final DatabaseComponent databases;

    /**
     * @param config the validated configuration
     * @param clock wall clock for the start-up time and the directory
     * @param nanoTime monotonic clock for component timings
     */
    public StandardLauncher(PchatConfig config, Clock clock, LongSupplier nanoTime) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nodeId = config.node().nodeId();
        this.databases = new DatabaseComponent(nodeId, config.database(), Databases::open);
        DemoSeeder demo = new DemoSeeder(nodeId, config.launch().demoSeed(), this::directory);
        FileTokenService fileTokens = ChatNodeComponent.inMemoryFileTokens(config, clock);
        ComplianceComponent complianceService = new ComplianceComponent(
                ComplianceConfig.of(config, Path.of("").toAbsolutePath()), config.node(), config.directory(),
                databases::databases, clock);
        ComplianceRecorder compliance = complianceService.recorder();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Metrics metrics = new Metrics(registry);
        PoolComponent[] pool = new PoolComponent[1];
        ChatNodeComponent chatNode = config.pool().enabled()
                ? new ChatNodeComponent(config, databases::databases, fileTokens, compliance, clock,
                        event -> pool[0].published(event), () -> pool[0].refusal())
                : new ChatNodeComponent(config, databases::databases, fileTokens, compliance, clock);
        List<Component> components = new ArrayList<>(List.of(databases, complianceService, demo, chatNode));
        if (config.pool().enabled()) {
            pool[0] = new PoolComponent(config, databases::databases, chatNode, clock);
            components.add(pool[0]);
        }
        if (config.proxy().enabled()) {
            components.add(new ProxyComponent(
                    () -> ProxySettings.from(config, List.of(ProxySettings.localNode(config, chatNode.sipPort()))),
                    databases::databases, clock));
        }
        if (config.xmpp().enabled()) {
            components.add(new XmppComponent(config, databases::databases, chatNode, clock));
        }
        components.add(new HttpComponent(config, databases::databases, fileTokens, compliance,
                complianceService.fileAudit(), registry, metrics, clock));
        this.topology = new StandardTopology(nodeId, components, nanoTime);
    }

    /**
     * Creates the data directory, logs the effective configuration once, starts every component and
     * logs where the node listens and how long start-up took.
     *
     * @param processStart when the process started, for the start-up time
     * @throws LaunchException when a component fails; the ones started are stopped again
     */
    public void start(Instant processStart) {
        NodeConfig node = config.node();
        try {
            Files.createDirectories(node.dataDir());
        } catch (IOException e) {
            throw new LaunchException(nodeId + " - cannot create data directory " + node.dataDir() + ": " + e, e);
        }
        LOG.info("{} - pchat starting: Standard topology, SIP domain {}, data in {}", nodeId, node.sipDomain(),
                node.dataDir());
        LOG.info("{} - effective configuration (secrets masked):{}{}", nodeId, System.lineSeparator(),
                config.effective().render());
        if (NodeConfig.SIP_DOMAIN.defaultValue().orElseThrow().equals(node.sipDomain())) {
            LOG.warn("{} - sip.domain is the default {}: set it to your SIP domain before users sign in", nodeId,
                    node.sipDomain());
        }
        topology.start();
        long millis = Duration.between(processStart, clock.instant()).toMillis();
        LOG.info("{} - pchat started in {} ms; {}", nodeId, millis, String.join("; ", topology.endpoints()));
    }

    /**
     * Stops every component in reverse order, waiting at most {@code shutdown.timeout}. Safe to call
     * from a shutdown hook, and more than once.
     */
    public void stop() {
        Duration timeout = config.launch().shutdownTimeout();
        Thread stopper = new Thread(topology::stop, "pchat-stop");
        stopper.start();
        try {
            stopper.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("{} - interrupted while waiting for the shutdown to finish", nodeId);
            return;
        }
        if (stopper.isAlive()) {
            LOG.error("{} - shutdown did not finish within {} s (shutdown.timeout); exiting anyway", nodeId,
                    timeout.toSeconds());
        }
    }

    private DirectoryService directory() {
        return new DirectoryService(databases.databases().content(), config.directory(),
                new PasswordHasher(config.passwords()), clock);
    }
}
