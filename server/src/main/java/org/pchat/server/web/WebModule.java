package org.pchat.server.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.pchat.server.chat.ComplianceRecorder;
import org.pchat.server.chat.FileTokenService;
import org.pchat.server.db.Databases;
import org.pchat.server.domain.credentials.PasswordHasher;
import org.pchat.server.domain.credentials.PasswordHasherConfig;
import org.pchat.server.files.DirectoryFileStore;
import org.pchat.server.files.FileAudit;
import org.pchat.server.files.FileService;
import org.pchat.server.files.FileServiceConfig;
import org.pchat.server.files.FileStore;
import org.pchat.server.rooms.DirectoryConfig;
import org.pchat.server.rooms.DirectoryService;
import org.pchat.server.rooms.RoomDirectory;
import org.pchat.server.store.MessageRepository;
import org.pchat.server.store.MessageStoreConfig;
import org.pchat.server.store.UserRepository;
import org.pchat.server.web.api.AccountRoutes;
import org.pchat.server.web.api.CategoryRoutes;
import org.pchat.server.web.api.FileRoutes;
import org.pchat.server.web.api.HistoryRoutes;
import org.pchat.server.web.api.RoomManagement;
import org.pchat.server.web.api.RoomRoutes;
import org.pchat.server.web.auth.Authenticator;
import org.pchat.server.web.auth.LoginThrottle;
import org.pchat.server.web.auth.PasswordLogin;
import org.pchat.server.web.auth.SessionStore;
import org.pchat.server.web.http.JsonBodies;
import org.pchat.server.web.metrics.Metrics;
import org.pchat.server.web.ops.HealthChecks;
import org.pchat.server.web.ops.OpsRoutes;
import org.pchat.server.web.page.PageRoutes;
import org.pchat.server.web.soap.FileWebService;

/**
 * Wires the HTTP side of a node from its collaborators: user store, directory, history, file service, file
 * tokens, compliance hooks and meters, and the {@link WebServer} that serves them. Start and stop it with the
 * node (the launcher's HTTP component does).
 */
public final class WebModule {

    /** Everything the HTTP side needs from the rest of the node. */
    public record Dependencies(String nodeId, String sipDomain, WebConfig web, FileServiceConfig files,
            DirectoryConfig directory, PasswordHasherConfig passwords, Databases databases,
            FileTokenService fileTokens, ComplianceRecorder compliance, FileAudit fileAudit,
            PrometheusMeterRegistry registry, Metrics metrics, Clock clock) {
        public Dependencies {
            Objects.requireNonNull(nodeId, "nodeId");
            Objects.requireNonNull(sipDomain, "sipDomain");
            Objects.requireNonNull(web, "web");
            Objects.requireNonNull(files, "files");
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(passwords, "passwords");
            Objects.requireNonNull(databases, "databases");
            Objects.requireNonNull(fileTokens, "fileTokens");
            Objects.requireNonNull(compliance, "compliance");
            Objects.requireNonNull(fileAudit, "fileAudit");
            Objects.requireNonNull(registry, "registry");
            Objects.requireNonNull(metrics, "metrics");
            Objects.requireNonNull(clock, "clock");
        }
    }

    private final WebServer server;
    private final HealthChecks health;
    private final FileService fileService;
    private final SessionStore sessions;

    public WebModule(Dependencies deps) {
        ObjectMapper json = objectMapper();
        SecureRandom random = new SecureRandom();
        var content = deps.databases().content();
        UserRepository users = new UserRepository(content);
        PasswordHasher hasher = new PasswordHasher(deps.passwords());
        this.sessions = new SessionStore(deps.web().session(), deps.clock(), random);
        PasswordLogin logins = new PasswordLogin(users, hasher, new LoginThrottle(deps.web().session(), deps.clock()),
                random);
        Authenticator auth = new Authenticator(logins, sessions, users);
        JsonBodies bodies = new JsonBodies(json, deps.web().maxJsonBytes());
        DirectoryService directoryService = new DirectoryService(content, deps.directory(), hasher, deps.clock());
        RoomDirectory directory = new RoomDirectory(content, deps.directory());
        RoomManagement management = new RoomManagement(directoryService, directory);
        MessageStoreConfig messageConfig = MessageStoreConfig.defaults();
        MessageRepository messages = new MessageRepository(content, messageConfig);
        FileStore store;
        try {
            store = new DirectoryFileStore(deps.files().root());
        } catch (IOException e) {
            throw new UncheckedIOException(deps.nodeId() + " - cannot open the file store " + deps.files().root(), e);
        }
        this.fileService = new FileService(deps.files(), store, content, directory, deps.fileAudit(), deps.clock());
        Duration probeTimeout = Duration.ofSeconds(2);
        this.health = new HealthChecks(deps.nodeId(), List.of(
                HealthChecks.database("content-db", deps.databases().contentDataSource(), probeTimeout),
                HealthChecks.database("compliance-db", deps.databases().complianceDataSource(), probeTimeout),
                new HealthChecks.Probe("file-store", () -> java.nio.file.Files.isWritable(deps.files().root()))),
                probeTimeout);
        deps.metrics().bindPool(deps.databases().contentDataSource());
        deps.metrics().bindPool(deps.databases().complianceDataSource());
        List<RouteGroup> groups = List.of(
                new OpsRoutes(health, deps.registry()),
                new AccountRoutes(auth, logins, sessions, bodies, directory),
                new CategoryRoutes(auth, bodies, directoryService, directory, deps.sipDomain()),
                new RoomRoutes(auth, bodies, management, deps.sipDomain(), deps.directory().maxSearchResults()),
                new HistoryRoutes(auth, directory, messages, content, deps.compliance(), deps.clock(),
                        Math.min(deps.web().historyPageLimit(), messageConfig.maxPageSize()),
                        Math.min(deps.directory().maxSearchResults(), messageConfig.maxSearchRooms())),
                new FileRoutes(auth, fileService, deps.fileTokens(), deps.metrics(), deps.web().publicUrl(),
                        deps.sipDomain()),
                new FileWebService(fileService, deps.fileTokens(), deps.metrics(), deps.web().maxJsonBytes(),
                        deps.clock()),
                new PageRoutes(auth, logins, sessions, management, deps.sipDomain(), deps.web().tls().isPresent()));
        this.server = new WebServer(deps.nodeId(), deps.web(), json, deps.metrics(), groups);
    }

    /** The JSON mapper of the API: records, no nulls in output, unknown input properties refused. */
    public static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    /** Starts the HTTP server. */
    public void start() {
        server.start();
    }

    /** Stops the HTTP server and the health probes. */
    public void stop() {
        try {
            server.stop();
        } finally {
            health.close();
        }
    }

    /** The server, for its port and endpoint. */
    public WebServer server() {
        return server;
    }

    /** The file service, for other protocols (XMPP HTTP upload). */
    public FileService fileService() {
        return fileService;
    }

    /** The browser sessions and API tokens of this node. */
    public SessionStore sessions() {
        return sessions;
    }
}
