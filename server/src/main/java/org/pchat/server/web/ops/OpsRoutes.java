package org.pchat.server.web.ops;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.pchat.server.web.RouteGroup;

/**
 * {@code GET /health/live} (the process answers), {@code GET /health/ready} and {@code GET /health} (the
 * databases and the file store answer: 200, else 503), {@code GET /metrics} (Prometheus text format) and
 * {@code GET /openapi.json} (the API description). None needs authentication; put the port behind a firewall
 * or proxy to restrict them.
 */
public final class OpsRoutes implements RouteGroup {

    /** The classpath resource of the OpenAPI document. */
    public static final String OPENAPI_RESOURCE = "/web/openapi.json";
    /** Content type of the Prometheus text exposition format. */
    static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HealthChecks health;
    private final PrometheusMeterRegistry prometheus;
    private final byte[] openApi;

    public OpsRoutes(HealthChecks health, PrometheusMeterRegistry prometheus) {
        this.health = Objects.requireNonNull(health, "health");
        this.prometheus = Objects.requireNonNull(prometheus, "prometheus");
        try (InputStream in = OpsRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + OPENAPI_RESOURCE + " is missing from the jar");
            }
            this.openApi = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + OPENAPI_RESOURCE, e);
        }
    }

    /** The health body. */
    public record HealthView(String status, Map<String, CheckView> checks) {
    }

    /** One check of the health body. */
    public record CheckView(String status, String reason) {
    }

    @Override
    public void register(JavalinDefaultRouting routes) {
        routes.get("/health/live", ctx -> ctx.json(new HealthView("UP", Map.of())));
        routes.get("/health/ready", this::ready);
        routes.get("/health", this::ready);
        routes.get("/metrics", this::metrics);
        routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    }

    private void ready(Context ctx) {
        Map<String, CheckView> checks = new LinkedHashMap<>();
        boolean up = true;
        for (Map.Entry<String, HealthChecks.Outcome> e : health.run().entrySet()) {
            up &= e.getValue().up();
            checks.put(e.getKey(), new CheckView(e.getValue().up() ? "UP" : "DOWN", e.getValue().reason()));
        }
        ctx.header("Cache-Control", "no-store");
        ctx.status(up ? 200 : 503).json(new HealthView(up ? "UP" : "DOWN", checks));
    }

    private void metrics(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(PROMETHEUS_TYPE).result(prometheus.scrape());
    }
}
