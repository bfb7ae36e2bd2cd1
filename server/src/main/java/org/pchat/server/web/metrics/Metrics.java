package org.pchat.server.web.metrics;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's own meters, on a registry passed in (Prometheus in production, a simple one in tests). The chat
 * node and the protocol adapters call the {@code …Opened}, {@code posted}, {@code delivered} methods; the
 * HTTP server records its requests and file transfers. Meter names (Prometheus form in brackets):
 *
 * <ul>
 *   <li>{@code pchat.sessions} [{@code pchat_sessions}] gauge, tag {@code protocol}: open client sessions</li>
 *   <li>{@code pchat.posts} [{@code pchat_posts_total}] counter, tag {@code protocol}: stored posts</li>
 *   <li>{@code pchat.deliveries} [{@code pchat_deliveries_total}] counter, tag {@code protocol}: messages handed
 *       to sessions</li>
 *   <li>{@code pchat.post.latency} [{@code pchat_post_latency_seconds}] timer: receipt to commit of a post</li>
 *   <li>{@code pchat.delivery.latency} [{@code pchat_delivery_latency_seconds}] timer: commit to hand-over</li>
 *   <li>{@code pchat.files.uploaded} / {@code pchat.files.downloaded} counters and
 *       {@code pchat.files.uploaded.bytes} / {@code pchat.files.downloaded.bytes}</li>
 *   <li>{@code pchat.http.requests} [{@code pchat_http_requests_seconds}] timer, tags {@code method},
 *       {@code route}, {@code status}</li>
 *   <li>{@code hikaricp.connections.*} per database pool, JVM memory, GC, threads, class loading, CPU,
 *       uptime</li>
 * </ul>
 */
public final class Metrics {

    private static final Logger LOG = LoggerFactory.getLogger(Metrics.class);

    private final MeterRegistry registry;
    private final Map<Protocol, AtomicInteger> sessions = new EnumMap<>(Protocol.class);
    private final Map<Protocol, Counter> posts = new EnumMap<>(Protocol.class);
    private final Map<Protocol, Counter> deliveries = new EnumMap<>(Protocol.class);
    private final Timer postLatency;
    private final Timer deliveryLatency;
    private final Counter filesUploaded;
    private final Counter filesDownloaded;
    private final Counter bytesUploaded;
    private final Counter bytesDownloaded;

    public Metrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        for (Protocol protocol : Protocol.values()) {
            AtomicInteger open = new AtomicInteger();
            sessions.put(protocol, open);
            Gauge.builder("pchat.sessions", open, AtomicInteger::get).description("Open client sessions")
                    .tag("protocol", protocol.tag()).register(registry);
            posts.put(protocol, Counter.builder("pchat.posts").description("Posts stored")
                    .tag("protocol", protocol.tag()).register(registry));
            deliveries.put(protocol, Counter.builder("pchat.deliveries").description("Messages handed to sessions")
                    .tag("protocol", protocol.tag()).register(registry));
        }
        postLatency = Timer.builder("pchat.post.latency").description("From receipt of a post to its commit")
                .publishPercentileHistogram().register(registry);
        deliveryLatency = Timer.builder("pchat.delivery.latency")
                .description("From commit of a post to its hand-over to a session").publishPercentileHistogram()
                .register(registry);
        filesUploaded = Counter.builder("pchat.files.uploaded").description("Files stored").register(registry);
        filesDownloaded = Counter.builder("pchat.files.downloaded").description("File downloads started")
                .register(registry);
        bytesUploaded = Counter.builder("pchat.files.uploaded.bytes").baseUnit("bytes")
                .description("Bytes of files stored").register(registry);
        bytesDownloaded = Counter.builder("pchat.files.downloaded.bytes").baseUnit("bytes")
                .description("Bytes of files sent").register(registry);
    }

    /** The registry the meters live on. */
    public MeterRegistry registry() {
        return registry;
    }

    /** A client session opened. */
    public void sessionOpened(Protocol protocol) {
        sessions.get(protocol).incrementAndGet();
    }

    /** A client session closed. */
    public void sessionClosed(Protocol protocol) {
        sessions.get(protocol).updateAndGet(n -> Math.max(0, n - 1));
    }

    /** A post was stored; {@code latency} from its receipt to its commit. */
    public void posted(Protocol protocol, Duration latency) {
        posts.get(protocol).increment();
        postLatency.record(latency);
    }

    /** A message was handed to a session; {@code latency} from the post's commit. */
    public void delivered(Protocol protocol, Duration latency) {
        deliveries.get(protocol).increment();
        deliveryLatency.record(latency);
    }

    /** A file was stored. */
    public void fileUploaded(long bytes) {
        filesUploaded.increment();
        bytesUploaded.increment(bytes);
    }

    /** A file download started. */
    public void fileDownloaded(long bytes) {
        filesDownloaded.increment();
        bytesDownloaded.increment(bytes);
    }

    /** An HTTP request was answered; {@code route} is the matched route template, never the raw path. */
    public void httpRequest(String method, String route, int status, Duration duration) {
        Timer.builder("pchat.http.requests").description("HTTP requests answered")
                .tag("method", method).tag("route", route).tag("status", Integer.toString(status))
                .register(registry).record(duration);
    }

    /** Binds the JVM meters: memory, GC, threads, class loading, CPU, uptime. */
    public void bindJvm() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /**
     * Binds a HikariCP pool's meters ({@code hikaricp.connections.active}, {@code .idle}, {@code .pending},
     * {@code .timeout}, {@code .usage}…, tag {@code pool}). A pool that already reports elsewhere, or a data source
     * that is not a HikariCP pool, is logged and skipped.
     */
    public void bindPool(DataSource dataSource) {
        if (!(dataSource instanceof HikariDataSource hikari)) {
            LOG.warn("metrics - data source {} is not a HikariCP pool: no pool meters", dataSource);
            return;
        }
        if (hikari.getMetricRegistry() != null || hikari.getMetricsTrackerFactory() != null) {
            LOG.warn("metrics - pool {} already reports its meters elsewhere: not bound again", hikari.getPoolName());
            return;
        }
        hikari.setMetricRegistry(registry);
    }
}
