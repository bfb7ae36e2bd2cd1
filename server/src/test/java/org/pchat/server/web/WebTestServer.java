package org.pchat.server.web;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pchat.server.chat.ComplianceRecorder;
import org.pchat.server.chat.InMemoryFileTokenService;
import org.pchat.server.config.ChatLimits;
import org.pchat.server.config.HttpConfig;
import org.pchat.server.db.TestDatabases;
import org.pchat.server.domain.Principal;
import org.pchat.server.domain.credentials.PasswordHasher;
import org.pchat.server.domain.credentials.PasswordHasherConfig;
import org.pchat.server.files.FileAudit;
import org.pchat.server.files.FileServiceConfig;
import org.pchat.server.rooms.DirectoryConfig;
import org.pchat.server.rooms.DirectoryService;
import org.pchat.server.web.metrics.Metrics;

/**
 * A real HTTP server on a free loopback port over fresh embedded H2 databases, with users
 * {@value #ADMIN} (administrator), {@value #ALICE}, {@value #BOB} and {@value #CAROL} whose password is
 * {@value #PASSWORD}, and a mutable clock.
 */
public final class WebTestServer implements AutoCloseable {

    public static final String PASSWORD = "correct horse battery";
    public static final String ADMIN = "sip:admin@example.com";
    public static final String ALICE = "sip:alice@example.com";
    public static final String BOB = "sip:bob@example.com";
    public static final String CAROL = "sip:carol@example.com";
    public static final String DOMAIN = "example.com";

    private final TestDatabases databases;
    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T10:00:00Z"));
    private final InMemoryFileTokenService tokens;
    private final DirectoryService directory;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final FileServiceConfig files;
    private final WebModule module;

    /** A server with the default file size limit. */
    public static WebTestServer start(Path dir) {
        return start(dir, FileServiceConfig.DEFAULT_MAX_FILE_SIZE_KB);
    }

    /** A server whose file size limit is {@code maxFileSizeKb}. */
    public static WebTestServer start(Path dir, int maxFileSizeKb) {
        return start(dir, maxFileSizeKb, FileAudit.NONE, java.util.function.UnaryOperator.identity());
    }

    /** A server with its own file size limit, compliance hook and HTTP settings. */
    public static WebTestServer start(Path dir, int maxFileSizeKb, FileAudit audit,
            java.util.function.UnaryOperator<WebConfig> web) {
        WebTestServer server = new WebTestServer(dir, maxFileSizeKb, audit, web);
        server.module.start();
        return server;
    }

    private WebTestServer(Path dir, int maxFileSizeKb, FileAudit audit, java.util.function.UnaryOperator<WebConfig> adjust) {
        this.databases = TestDatabases.h2(dir.resolve("db"));
        PasswordHasherConfig passwords = new PasswordHasherConfig(PasswordHasherConfig.MIN_PBKDF2_ITERATIONS,
                PasswordHasherConfig.MIN_SCRAM_ITERATIONS, 16, 1_024);
        this.directory = new DirectoryService(databases.databases().content(), DirectoryConfig.defaults(),
                new PasswordHasher(passwords), clock);
        directory.addUser(ADMIN, "Admin", PASSWORD.toCharArray(), true, DOMAIN);
        for (String user : new String[] {ALICE, BOB, CAROL}) {
            directory.addUser(user, "", PASSWORD.toCharArray(), false, DOMAIN);
        }
        this.tokens = new InMemoryFileTokenService(clock, Duration.ofMinutes(5), 1_000);
        this.files = FileServiceConfig.defaults(dir.resolve("data"), maxFileSizeKb);
        HttpConfig http = new HttpConfig(true, "127.0.0.1", 8080, Optional.empty());
        WebConfig web = adjust.apply(WebConfig.from(http, ChatLimits.defaults(), Optional.empty()).withPort(0));
        Metrics metrics = new Metrics(registry);
        metrics.bindJvm();
        this.module = new WebModule(new WebModule.Dependencies("node-test", DOMAIN, web, files,
                DirectoryConfig.defaults(), passwords, databases.databases(), tokens, ComplianceRecorder.NONE,
                audit, registry, metrics, clock));
    }

    /** The server's base URL, ending with a slash. */
    public URI base() {
        return module.server().localUri();
    }

    /** An absolute URL on this server. */
    public URI uri(String pathAndQuery) {
        return base().resolve(pathAndQuery.startsWith("/") ? pathAndQuery.substring(1) : pathAndQuery);
    }

    public MutableClock clock() {
        return clock;
    }

    public InMemoryFileTokenService tokens() {
        return tokens;
    }

    public DirectoryService directory() {
        return directory;
    }

    public TestDatabases databases() {
        return databases;
    }

    public FileServiceConfig files() {
        return files;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** A category everyone is in scope of, with {@code creators} as room creators. */
    public void category(String name, Set<String> creators) {
        directory.newCategory(org.pchat.server.rooms.CategorySpec.named(name)
                .withAllowed(Set.of(Principal.everyone()))
                .withCreators(creators.stream().map(Principal::user).collect(java.util.stream.Collectors.toSet())));
    }

    /** The HTTP Basic header value for a user with the common password. */
    public static String basic(String user) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Header map with HTTP Basic for a user. */
    public static Map<String, String> as(String user) {
        return Map.of("Authorization", basic(user));
    }

    @Override
    public void close() throws java.sql.SQLException {
        try {
            module.stop();
        } finally {
            databases.close();
            registry.close();
        }
    }
}
