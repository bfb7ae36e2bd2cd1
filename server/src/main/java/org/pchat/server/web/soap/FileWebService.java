package org.pchat.server.web.soap;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.pchat.server.chat.FileAccessToken;
import org.pchat.server.chat.FileAction;
import org.pchat.server.chat.FileTokenService;
import org.pchat.server.domain.DirectoryException;
import org.pchat.server.domain.StoredFile;
import org.pchat.server.files.ChunkedUploads;
import org.pchat.server.files.FileException;
import org.pchat.server.files.FileService;
import org.pchat.server.web.RouteGroup;
import org.pchat.server.web.auth.Authenticator;
import org.pchat.server.web.http.ApiException;
import org.pchat.server.web.http.JsonBodies;
import org.pchat.server.web.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /PersistentChat/MGCWebService.asmx}: the Lync file web service (xccos.md §8.1), SOAP 1.1 with
 * the operations {@code GetMaxFileSizeInKB}, {@code GetMaxRequestContentInKB},
 * {@code RequestUniqueFilenameWithExtension}, {@code AppendChunk}, {@code GetFileSize} and
 * {@code DownloadChunk}. Every call carries a token from {@code cmd:getfutok}/{@code cmd:getfdtok} and the room
 * GUID ({@code channelId}); the room model is checked again on every call. Refusals are SOAP faults with HTTP
 * 500, as the Lync client expects (it stops a transfer on any 4xx).
 */
public final class FileWebService implements RouteGroup {

    /** The service path. */
    public static final String PATH = "/PersistentChat/MGCWebService.asmx";

    private static final Logger LOG = LoggerFactory.getLogger(FileWebService.class);
    private static final String XML = "text/xml; charset=utf-8";

    private final FileService files;
    private final ChunkedUploads uploads;
    private final FileTokenService tokens;
    private final Metrics metrics;
    private final int maxBodyBytes;

    /**
     * @param maxEnvelopeBytes the largest request besides a chunk's base64 text
     */
    public FileWebService(FileService files, FileTokenService tokens, Metrics metrics, int maxEnvelopeBytes,
            Clock clock) {
        this.files = Objects.requireNonNull(files, "files");
        this.uploads = new ChunkedUploads(files, clock);
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        long base64Chunk = 4L * ((files.config().maxChunkBytes() + 2) / 3);
        this.maxBodyBytes = (int) Math.min(Integer.MAX_VALUE - 8, base64Chunk + Math.min(maxEnvelopeBytes, 64 * 1024));
    }

    @Override
    public void register(JavalinDefaultRouting routes) {
        routes.post(PATH, this::handle);
    }

    private void handle(Context ctx) {
        String type = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT);
        if (!type.startsWith("text/xml")) {
            throw ApiException.unsupportedType("content type '" + type + "' is not SOAP 1.1: send text/xml");
        }
        ctx.contentType(XML);
        SoapRequest request = null;
        try {
            request = SoapRequest.parse(JsonBodies.readBounded(ctx, maxBodyBytes));
            checkSoapAction(ctx, request.operation());
            String result = dispatch(ctx, request);
            ctx.status(200).result(SoapResponses.result(request.operation(), result));
        } catch (ApiException e) {
            fault(ctx, request, SoapFault.client(e.getMessage()), e.status());
        } catch (FileException e) {
            fault(ctx, request, e.kind() == FileException.Kind.STORAGE
                    ? SoapFault.server("the file store failed; see the server log", e) : SoapFault.client(e.getMessage()),
                    e.kind() == FileException.Kind.TOO_LARGE ? 413 : 500);
        } catch (DirectoryException e) {
            fault(ctx, request, SoapFault.client(e.getMessage()), 500);
        } catch (SoapFault e) {
            fault(ctx, request, e, 500);
        }
    }

    private String dispatch(Context ctx, SoapRequest request) {
        return switch (request.operation()) {
            case "GetMaxFileSizeInKB" -> {
                anyToken(ctx, request);
                yield Integer.toString(files.config().maxFileSizeKb());
            }
            case "GetMaxRequestContentInKB" -> {
                anyToken(ctx, request);
                yield Integer.toString(files.config().maxChunkKb());
            }
            case "RequestUniqueFilenameWithExtension" -> {
                FileAccessToken token = token(ctx, request, FileAction.UPLOAD);
                String extension = request.parameter("extension").or(() -> request.parameter("fileExtension"))
                        .orElse("");
                String original = request.parameter("fileName").or(() -> request.parameter("filename"))
                        .orElse(token.fileName());
                yield uploads.reserve(token.userUri(), token.roomId(), original, extension);
            }
            case "AppendChunk" -> {
                FileAccessToken token = token(ctx, request, FileAction.UPLOAD);
                byte[] chunk = base64(request.parameter("fileChunk").orElse(""));
                Optional<StoredFile> done = uploads.append(token.userUri(), token.roomId(),
                        required(request, "uniqueFilename"), number(request, "offset"),
                        number(request, "fileLength"), chunk);
                done.ifPresent(f -> metrics.fileUploaded(f.sizeBytes()));
                yield "true";
            }
            case "GetFileSize" -> {
                FileAccessToken token = token(ctx, request, FileAction.DOWNLOAD);
                yield Long.toString(files.describe(token.userUri(), token.roomId(),
                        required(request, "reposFileName")).sizeBytes());
            }
            case "DownloadChunk" -> {
                FileAccessToken token = token(ctx, request, FileAction.DOWNLOAD);
                long offset = number(request, "offset");
                long size = number(request, "bufferSize");
                if (size > files.config().maxChunkBytes()) {
                    throw SoapFault.client("bufferSize " + size + " exceeds the limit of "
                            + files.config().maxChunkBytes() + " bytes");
                }
                byte[] chunk = files.readChunk(token.userUri(), token.roomId(), required(request, "reposFileName"),
                        offset, (int) Math.max(1, size));
                if (offset == 0) {
                    metrics.fileDownloaded(chunk.length);
                }
                yield Base64.getEncoder().encodeToString(chunk);
            }
            default -> throw SoapFault.client("unknown operation " + request.operation());
        };
    }

    private FileAccessToken anyToken(Context ctx, SoapRequest request) {
        String value = required(request, "token");
        FileAccessToken token = (value.length() <= 64 ? tokens.find(value) : Optional.<FileAccessToken>empty())
                .orElseThrow(() -> {
                    LOG.warn("POST {} - refused {}: unknown, forged or expired file token (from {})", PATH,
                            request.operation(), Authenticator.origin(ctx));
                    return SoapFault.client("the token is unknown or expired");
                });
        ctx.attribute(Authenticator.USER_ATTRIBUTE, token.userUri());
        return token;
    }

    private FileAccessToken token(Context ctx, SoapRequest request, FileAction action) {
        FileAccessToken token = anyToken(ctx, request);
        String channel = required(request, "channelId");
        UUID roomId;
        try {
            roomId = UUID.fromString(channel);
        } catch (IllegalArgumentException e) {
            throw SoapFault.client("channelId '" + cut(channel) + "' is not a room GUID");
        }
        if (token.action() != action || !token.roomId().equals(roomId)) {
            LOG.warn("POST {} - user {} - refused {}: token for {} in room {} used for {} in room {} (from {})", PATH,
                    token.userUri(), request.operation(), token.action(), token.roomId(), action, roomId,
                    Authenticator.origin(ctx));
            throw SoapFault.client("the token allows " + token.action().name().toLowerCase(Locale.ROOT)
                    + " in another room or for another action");
        }
        return token;
    }

    private static void checkSoapAction(Context ctx, String operation) {
        String action = ctx.header("SOAPAction");
        if (action == null || action.isBlank() || action.equals("\"\"")) {
            return;
        }
        String unquoted = action.strip().replace("\"", "");
        if (!unquoted.endsWith("/" + operation)) {
            throw SoapFault.client("SOAPAction " + cut(unquoted) + " does not match operation "
                    + operation);
        }
    }

    private static String required(SoapRequest request, String name) {
        return request.parameter(name).filter(v -> !v.isEmpty())
                .orElseThrow(() -> SoapFault.client(request.operation() + " lacks the parameter " + name));
    }

    private static long number(SoapRequest request, String name) {
        String value = required(request, name);
        try {
            long parsed = Long.parseLong(value);
            if (parsed < 0) {
                throw SoapFault.client(name + " " + parsed + " is negative");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw SoapFault.client(name + " '" + cut(value) + "' is not a whole number");
        }
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw SoapFault.client("fileChunk is not valid base64");
        }
    }

    private static void fault(Context ctx, SoapRequest request, SoapFault fault, int status) {
        String operation = request == null ? "?" : request.operation();
        Object user = ctx.attribute(Authenticator.USER_ATTRIBUTE);
        if (fault.getCause() != null) {
            LOG.error("POST {} - user {} - {} failed: {}", PATH, user == null ? "anonymous" : user, operation,
                    fault.getMessage(), fault.getCause());
        } else {
            LOG.warn("POST {} - user {} - {} refused ({}): {}", PATH, user == null ? "anonymous" : user, operation, status,
                    fault.getMessage());
        }
        ctx.status(500).contentType(XML).result(SoapResponses.fault(fault));
    }

    private static String cut(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "…";
    }
}
