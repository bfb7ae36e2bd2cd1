package org.pchat.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchat.server.chat.FileAction;
import org.pchat.server.domain.Privacy;
import org.pchat.server.rooms.RoomSpec;
import org.pchat.server.web.TestHttp.Reply;

/** {@code /openapi.json} is a valid OpenAPI 3 document whose every route exists; {@code /metrics} and health. */
class WebOpenApiIT {

    @TempDir
    static Path dir;

    static WebTestServer server;
    static TestHttp http;
    static Map<String, String> values;

    @BeforeAll
    static void start() {
        server = WebTestServer.start(dir);
        http = new TestHttp(server);
        server.category("Docs", Set.of());
        UUID category = server.directory().listCategories().get(0).id();
        UUID room = server.directory().newRoom(RoomSpec.of("Docs room", "Docs").withPrivacy(Privacy.OPEN)
                .withMembers(Set.of(WebTestServer.ADMIN))).room().id();
        String token = server.tokens().issue(WebTestServer.ADMIN, room, FileAction.UPLOAD, "f.txt").token();
        Reply uploaded = http.bytes("PUT", "/files/" + room + "?token=" + token,
                "doc".getBytes(StandardCharsets.UTF_8), "text/plain", Map.of());
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        values = Map.of("{roomId}", room.toString(), "{categoryId}", category.toString(),
                "{fileName}", uploaded.json().get("name").asText(), "{role}", "members");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void openApiDocumentIsValidOpenApi3() {
        SwaggerParseResult parsed = parse();

        assertThat(parsed.getMessages()).as("OpenAPI validation messages").isEmpty();
        assertThat(parsed.getOpenAPI().getPaths()).isNotEmpty();
    }

    @Test
    void everyDocumentedRouteExists() {
        OpenAPI api = parse().getOpenAPI();
        List<String> missing = new ArrayList<>();
        int called = 0;
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
                String concrete = path.getKey();
                for (Map.Entry<String, String> v : values.entrySet()) {
                    concrete = concrete.replace(v.getKey(), v.getValue());
                }
                assertThat(concrete).as("every path parameter has a test value").doesNotContain("{");
                Reply reply = call(op.getKey().name(), concrete);
                called++;
                if (reply.status() == 404 || reply.status() == 405) {
                    missing.add(op.getKey() + " " + path.getKey() + " -> " + reply.status() + " " + reply.text());
                }
            }
        }
        assertThat(called).isGreaterThanOrEqualTo(25);
        assertThat(missing).as("documented routes the server does not serve").isEmpty();
    }

    @Test
    void undocumentedRouteIs404Problem() {
        Reply reply = http.get("/api/nothing-here", WebTestServer.as(WebTestServer.ADMIN));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void metricsExposeTheNamedSeriesInPrometheusFormat() {
        http.get("/api/me", WebTestServer.as(WebTestServer.ADMIN));

        Reply metrics = http.get("/metrics", Map.of());

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).startsWith("text/plain");
        assertThat(metrics.text()).contains(
                "pchat_sessions{protocol=\"sip\"}",
                "pchat_posts_total{protocol=\"xmpp\"}",
                "pchat_deliveries_total{protocol=\"sip\"}",
                "pchat_post_latency_seconds_count",
                "pchat_delivery_latency_seconds_count",
                "pchat_files_uploaded_total",
                "pchat_http_requests_seconds_count{method=\"GET\",route=\"/api/me\",status=\"200\"}",
                "hikaricp_connections_active{pool=\"pchat-content\"}",
                "hikaricp_connections_max{pool=\"pchat-compliance\"}",
                "jvm_memory_used_bytes",
                "jvm_threads_live_threads",
                "process_uptime_seconds");
    }

    @Test
    void livenessAndReadinessReportUpWithTheDatabases() {
        Reply live = http.get("/health/live", Map.of());
        Reply ready = http.get("/health/ready", Map.of());

        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().get("status").asText()).isEqualTo("UP");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("checks").get("content-db").get("status").asText()).isEqualTo("UP");
        assertThat(ready.json().get("checks").get("compliance-db").get("status").asText()).isEqualTo("UP");
        assertThat(ready.json().get("checks").get("file-store").get("status").asText()).isEqualTo("UP");
    }

    private static Reply call(String method, String path) {
        Map<String, String> admin = WebTestServer.as(WebTestServer.ADMIN);
        return switch (method) {
            case "GET" -> http.get(path, admin);
            case "DELETE" -> http.delete(path, admin);
            default -> http.json(method, path, "{}", admin);
        };
    }

    private static SwaggerParseResult parse() {
        Reply doc = http.get("/openapi.json", Map.of());
        assertThat(doc.status()).isEqualTo(200);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(doc.text(), null, options);
    }
}
