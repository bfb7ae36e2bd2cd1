package org.pchat.server.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.pchat.server.domain.DirectoryException;
import org.pchat.server.files.FileException;

/** Maps the exceptions that reach the HTTP boundary to problem bodies and writes them. */
public final class Problems {

    private Problems() {
    }

    /** The standard reason phrase of a status, as the problem title. */
    public static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "HTTP " + status;
        };
    }

    /** The HTTP refusal a directory rule violation means (INVALID: 422, the value broke a rule). */
    public static ApiException of(DirectoryException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> ApiException.notFound(e.getMessage());
            case CONFLICT -> ApiException.conflict(null, e.getMessage());
            case INVALID -> ApiException.invalid(null, e.getMessage());
            case FORBIDDEN -> ApiException.forbidden(e.getMessage());
        };
    }

    /** The HTTP refusal a file service error means. */
    public static ApiException of(FileException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> ApiException.notFound(e.getMessage());
            case FORBIDDEN -> ApiException.forbidden(e.getMessage());
            case INVALID -> ApiException.badRequest(null, e.getMessage());
            case TOO_LARGE -> ApiException.tooLarge(e.getMessage());
            case UNSUPPORTED_TYPE -> ApiException.unsupportedType(e.getMessage());
            case CONFLICT -> ApiException.conflict(null, e.getMessage());
            case BUSY -> ApiException.unavailable(e.getMessage());
            case STORAGE -> ApiException.of(500, "storage", "the file store failed; see the server log", null);
        };
    }

    /** Writes the problem as the response. */
    public static void write(Context ctx, ObjectMapper json, ApiException e) {
        Problem problem = e.toProblem(ctx.path());
        ctx.status(problem.status());
        ctx.contentType(Problem.MEDIA_TYPE);
        if (problem.status() == 401) {
            ctx.header("WWW-Authenticate", "Basic realm=\"pchat\", Bearer realm=\"pchat\"");
        }
        try {
            ctx.result(json.writeValueAsBytes(problem));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("cannot write a problem body", impossible);
        }
    }
}
