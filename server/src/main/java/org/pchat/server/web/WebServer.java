package org.pchat.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.pchat.server.domain.DirectoryException;
import org.pchat.server.files.FileException;
import org.pchat.server.web.auth.Authenticator;
import org.pchat.server.web.http.ApiException;
import org.pchat.server.web.http.Problems;
import org.pchat.server.web.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's HTTP server: Javalin on Jetty, one port, HTTP or HTTPS (when a key store is configured). Requests
 * are handled on a bounded Jetty thread pool with a bounded queue (handlers may block on the database and the
 * file store there); every error leaves as an RFC 9457 problem body; every request is logged with its path
 * (never its query, which may hold a file token) and user, and timed in {@link Metrics}.
 */
public final class WebServer {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private final String nodeId;
    private final WebConfig config;
    private final ObjectMapper json;
    private final Metrics metrics;
    private final List<RouteGroup> groups;
    private Javalin app;

    public WebServer(String nodeId, WebConfig config, ObjectMapper json, Metrics metrics, List<RouteGroup> groups) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.config = Objects.requireNonNull(config, "config");
        this.json = Objects.requireNonNull(json, "json");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.groups = List.copyOf(groups);
    }

    /** Starts listening; returns when the port is bound. */
    public synchronized void start() {
        if (app != null) {
            throw new IllegalStateException(nodeId + " - HTTP server already started");
        }
        Javalin created = Javalin.create(this::configure);
        created.start();
        app = created;
        LOG.info("{} - HTTP server listening on {} ({} threads, {} queued requests at most)", nodeId, endpoint(),
                config.maxThreads(), config.maxQueuedRequests());
    }

    /** Stops listening and waits for requests in progress (Jetty's graceful stop). */
    public synchronized void stop() {
        if (app != null) {
            app.stop();
            app = null;
        }
    }

    /** The bound port (useful with port 0). */
    public synchronized int port() {
        if (app == null) {
            throw new IllegalStateException(nodeId + " - HTTP server not started");
        }
        return app.port();
    }

    /** Where the server listens, for logs: {@code http://0.0.0.0:8080}. */
    public String endpoint() {
        return scheme() + "://" + config.bindAddress() + ":" + port();
    }

    /** The URL of this server on the loopback interface. */
    public URI localUri() {
        return URI.create(scheme() + "://127.0.0.1:" + port() + "/");
    }

    private String scheme() {
        return config.tls().isPresent() ? "https" : "http";
    }

    private void configure(JavalinConfig javalin) {
        javalin.showJavalinBanner = false;
        javalin.startupWatcherEnabled = false;
        javalin.useVirtualThreads = false;
        javalin.jsonMapper(new JavalinJackson(json, false));
        javalin.http.disableCompression();
        javalin.http.maxRequestSize = config.maxJsonBytes();
        javalin.http.defaultContentType = "application/json";
        javalin.http.prefer405over404 = true;
        javalin.router.ignoreTrailingSlashes = true;
        QueuedThreadPool pool = new QueuedThreadPool(config.maxThreads(), Math.min(8, config.maxThreads()),
                (int) Duration.ofMinutes(1).toMillis(),
                new BlockingArrayQueue<>(Math.min(64, config.maxQueuedRequests()), 64, config.maxQueuedRequests()));
        pool.setName("pchat-http-" + nodeId);
        javalin.jetty.threadPool = pool;
        javalin.jetty.addConnector(this::connector);
        javalin.jetty.modifyServletContextHandler(handler -> handler.setMaxFormContentSize(config.maxFormBytes()));
        javalin.staticFiles.add(files -> {
            files.hostedPath = "/static";
            files.directory = "/web/static";
            files.location = Location.CLASSPATH;
            files.headers = java.util.Map.of("Cache-Control", "max-age=3600", "X-Content-Type-Options", "nosniff");
        });
        javalin.requestLogger.http(this::logRequest);
        javalin.router.mount(routes -> {
            routes.before(ctx -> ctx.header("X-Content-Type-Options", "nosniff"));
            groups.forEach(group -> group.register(routes));
            routes.exception(ApiException.class, (e, ctx) -> refuse(ctx, e));
            routes.exception(DirectoryException.class, (e, ctx) -> refuse(ctx, Problems.of(e)));
            routes.exception(FileException.class, (e, ctx) -> {
                if (e.kind() == FileException.Kind.STORAGE) {
                    LOG.error("{} {} - user {} - file store failure: {}", ctx.method(), ctx.path(), user(ctx),
                            e.getMessage(), e);
                }
                refuse(ctx, Problems.of(e));
            });
            routes.exception(HttpResponseException.class, (e, ctx) -> refuse(ctx,
                    ApiException.of(e.getStatus(), "http-" + e.getStatus(), e.getMessage(), null)));
            routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} - user {} - request failed: {}", ctx.method(), ctx.path(), user(ctx), e.toString(),
                        e);
                refuse(ctx, ApiException.of(500, "internal", "the server failed; see its log", null));
            });
            routes.error(404, ctx -> {
                if (ctx.result() == null) {
                    refuse(ctx, ApiException.notFound("no route for " + ctx.method() + " " + ctx.path()));
                }
            });
            routes.error(405, ctx -> refuse(ctx, ApiException.of(405, "method-not-allowed", ctx.method()
                    + " is not allowed on " + ctx.path(), null)));
        });
    }

    private Connector connector(Server server, HttpConfiguration http) {
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector;
        if (config.tls().isPresent()) {
            WebConfig.Tls tls = config.tls().get();
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(tls.keyStore().toAbsolutePath().toString());
            ssl.setKeyStorePassword(tls.password());
            HttpConfiguration https = new HttpConfiguration(http);
            https.addCustomizer(new SecureRequestCustomizer());
            connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                    new HttpConnectionFactory(https));
        } else {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost(config.bindAddress());
        connector.setPort(config.port());
        connector.setIdleTimeout(config.idleTimeout().toMillis());
        return connector;
    }

    private void refuse(Context ctx, ApiException e) {
        if (e.status() >= 400 && e.status() < 500 && e.status() != 404) {
            LOG.info("{} {} - user {} - {} {}", ctx.method(), ctx.path(), user(ctx), e.status(), e.getMessage());
        }
        Problems.write(ctx, json, e);
    }

    private void logRequest(Context ctx, Float millis) {
        String route;
        try {
            route = ctx.endpointHandlerPath();
        } catch (RuntimeException e) {
            route = "unmatched";
        }
        if (route == null || route.isEmpty()) {
            route = "unmatched";
        }
        metrics.httpRequest(ctx.method().name(), route, ctx.statusCode(),
                Duration.ofNanos((long) (millis * 1_000_000)));
        if (ctx.path().startsWith("/static/")) {
            return;
        }
        LOG.info("{} {} - user {} - {} in {} ms (from {})", ctx.method(), ctx.path(), user(ctx), ctx.statusCode(),
                Math.round(millis), ctx.ip());
    }

    private static String user(Context ctx) {
        Object user = ctx.attribute(Authenticator.USER_ATTRIBUTE);
        return user == null ? "anonymous" : user.toString();
    }
}
