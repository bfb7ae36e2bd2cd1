package org.pchat.server.web.api;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.pchat.server.chat.FileAccessToken;
import org.pchat.server.chat.FileAction;
import org.pchat.server.chat.FileTokenService;
import org.pchat.server.domain.StoredFile;
import org.pchat.server.files.FileNames;
import org.pchat.server.files.FileService;
import org.pchat.server.files.FileService.Download;
import org.pchat.server.web.RouteGroup;
import org.pchat.server.web.api.ApiViews.FileView;
import org.pchat.server.web.auth.Authenticator;
import org.pchat.server.web.auth.Caller;
import org.pchat.server.web.http.ApiException;
import org.pchat.server.web.http.Params;
import org.pchat.server.web.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File upload and download over HTTP. The body of an upload is the file itself, streamed to the store (never
 * held in memory), with its {@code Content-Type} recorded; the server picks the stored name.
 *
 * <ul>
 *   <li>{@code PUT|POST /files/{roomId}?token=…[&name=…]}: upload with a {@code cmd:getfutok} token
 *       (xccos.md §4.11); the name defaults to the token's file name.</li>
 *   <li>{@code GET /files/{roomId}/{fileName}?token=…}: download with a {@code cmd:getfdtok} token, or as a
 *       signed-in user (the URL of {@link FileView#url()}).</li>
 *   <li>{@code GET|POST /api/rooms/{roomId}/files}, {@code GET /api/rooms/{roomId}/files/{fileName}}: list,
 *       upload and download as a signed-in user.</li>
 * </ul>
 *
 * The room model is checked on every request, whatever the token says: a token outlives neither membership nor
 * the room's file upload setting.
 */
public final class FileRoutes implements RouteGroup {

    private static final Logger LOG = LoggerFactory.getLogger(FileRoutes.class);
    private static final int MAX_TOKEN_LENGTH = 64;

    private final Authenticator auth;
    private final FileService files;
    private final FileTokenService tokens;
    private final Metrics metrics;
    private final Optional<URI> publicUrl;
    private final String sipDomain;

    public FileRoutes(Authenticator auth, FileService files, FileTokenService tokens, Metrics metrics,
            Optional<URI> publicUrl, String sipDomain) {
        this.auth = Objects.requireNonNull(auth, "auth");
        this.files = Objects.requireNonNull(files, "files");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.publicUrl = Objects.requireNonNull(publicUrl, "publicUrl");
        this.sipDomain = Objects.requireNonNull(sipDomain, "sipDomain");
    }

    @Override
    public void register(JavalinDefaultRouting routes) {
        routes.put("/files/{roomId}", this::uploadWithToken);
        routes.post("/files/{roomId}", this::uploadWithToken);
        routes.get("/files/{roomId}/{fileName}", this::downloadWithTokenOrLogin);
        routes.get("/api/rooms/{roomId}/files", this::list);
        routes.post("/api/rooms/{roomId}/files", this::uploadSignedIn);
        routes.get("/api/rooms/{roomId}/files/{fileName}", this::downloadSignedIn);
    }

    private void uploadWithToken(Context ctx) {
        UUID roomId = Params.uuid(ctx, "roomId");
        FileAccessToken token = redeem(ctx, roomId, FileAction.UPLOAD);
        String name = Params.textQuery(ctx, "name", FileNames.MAX_ORIGINAL_NAME_LENGTH).orElse(token.fileName());
        upload(ctx, token.userUri(), roomId, name);
    }

    private void uploadSignedIn(Context ctx) {
        Caller caller = auth.require(ctx);
        UUID roomId = Params.uuid(ctx, "roomId");
        String name = Params.textQuery(ctx, "name", FileNames.MAX_ORIGINAL_NAME_LENGTH).orElseThrow(
                () -> ApiException.badRequest("name", "name is required: the file's name, e.g. ?name=report.pdf"));
        upload(ctx, caller.uri(), roomId, name);
    }

    private void downloadWithTokenOrLogin(Context ctx) {
        UUID roomId = Params.uuid(ctx, "roomId");
        String user = ctx.queryParam("token") != null ? redeem(ctx, roomId, FileAction.DOWNLOAD).userUri()
                : auth.require(ctx).uri();
        download(ctx, user, roomId);
    }

    private void downloadSignedIn(Context ctx) {
        Caller caller = auth.require(ctx);
        download(ctx, caller.uri(), Params.uuid(ctx, "roomId"));
    }

    private void list(Context ctx) {
        Caller caller = auth.require(ctx);
        UUID roomId = Params.uuid(ctx, "roomId");
        int limit = Params.intQuery(ctx, "limit", files.config().listLimit(), 1, files.config().listLimit());
        URI base = baseUrl(ctx);
        List<FileView> views = files.list(caller.uri(), roomId, limit).stream()
                .map(f -> FileView.of(f, base, sipDomain)).toList();
        ctx.json(views);
    }

    private void upload(Context ctx, String userUri, UUID roomId, String name) {
        long declared = ctx.req().getContentLengthLong();
        FileService.Upload upload = new FileService.Upload(userUri, roomId, name, ctx.contentType(),
                declared >= 0 ? OptionalLong.of(declared) : OptionalLong.empty());
        StoredFile stored;
        try {
            stored = files.upload(upload, ctx.bodyInputStream());
        } catch (RuntimeException e) {
            LOG.warn("{} {} - user {} - upload of '{}' refused: {}", ctx.method(), ctx.endpointHandlerPath(), userUri,
                    upload.originalName(), e.getMessage());
            throw e;
        }
        metrics.fileUploaded(stored.sizeBytes());
        FileView view = FileView.of(stored, baseUrl(ctx), sipDomain);
        ctx.status(201).header("Location", view.url());
        ctx.json(view);
    }

    private void download(Context ctx, String userUri, UUID roomId) {
        String name = ctx.pathParam("fileName");
        if (!FileNames.isStoredName(name)) {
            LOG.warn("{} {} - user {} - refused file name '{}' (from {})", ctx.method(), ctx.endpointHandlerPath(),
                    userUri, Params.abbreviate(name), Authenticator.origin(ctx));
        }
        Download download = files.download(userUri, roomId, name);
        StoredFile file = download.file();
        metrics.fileDownloaded(file.sizeBytes());
        ctx.header("Content-Disposition", attachment(file.originalName()));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", "sandbox; default-src 'none'");
        ctx.header("Content-Length", Long.toString(file.sizeBytes()));
        ctx.contentType(file.contentType());
        ctx.result(download.content());
    }

    /** The token's grant for this room and action, or a 401/403 that is logged without the token. */
    private FileAccessToken redeem(Context ctx, UUID roomId, FileAction action) {
        String token = ctx.queryParam("token");
        if (token == null || token.isBlank()) {
            throw ApiException.unauthorized("a file token is required (?token=… from cmd:"
                    + (action == FileAction.UPLOAD ? "getfutok" : "getfdtok") + ")");
        }
        Optional<FileAccessToken> grant = token.length() <= MAX_TOKEN_LENGTH ? tokens.find(token) : Optional.empty();
        if (grant.isEmpty()) {
            LOG.warn("{} {} - refused: unknown, forged or expired file token for room {} (from {})", ctx.method(),
                    ctx.endpointHandlerPath(), roomId, Authenticator.origin(ctx));
            throw ApiException.unauthorized("the file token is unknown or expired");
        }
        FileAccessToken found = grant.get();
        ctx.attribute(Authenticator.USER_ATTRIBUTE, found.userUri());
        if (found.action() != action || !found.roomId().equals(roomId)) {
            LOG.warn("{} {} - user {} - refused: token for {} in room {} used for {} in room {} (from {})",
                    ctx.method(), ctx.endpointHandlerPath(), found.userUri(), found.action(), found.roomId(), action,
                    roomId, Authenticator.origin(ctx));
            throw ApiException.forbidden("the file token of " + found.userUri() + " allows "
                    + found.action().name().toLowerCase(java.util.Locale.ROOT) + " in room " + found.roomId()
                    + ", not " + action.name().toLowerCase(java.util.Locale.ROOT) + " in room " + roomId);
        }
        return found;
    }

    private URI baseUrl(Context ctx) {
        return publicUrl.orElseGet(() -> {
            try {
                String host = ctx.req().getServerName();
                int port = ctx.req().getServerPort();
                return new URI(ctx.req().getScheme(), null, host, port, "/", null, null);
            } catch (java.net.URISyntaxException e) {
                throw ApiException.badRequest("Host", "the Host header does not name a valid host");
            }
        });
    }

    /** An RFC 6266 attachment disposition with an ASCII fallback and the UTF-8 name. */
    static String attachment(String fileName) {
        StringBuilder ascii = new StringBuilder(fileName.length());
        fileName.chars().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
