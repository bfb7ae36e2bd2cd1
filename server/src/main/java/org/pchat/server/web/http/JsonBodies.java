package org.pchat.server.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads JSON request bodies: only {@code application/json} (or a {@code +json} type), at most a configured
 * number of bytes, into a record; unknown properties are refused. Errors become 415, 413 or 400 problems that
 * name the field.
 */
public final class JsonBodies {

    private final ObjectMapper json;
    private final int maxBytes;

    public JsonBodies(ObjectMapper json, int maxBytes) {
        this.json = Objects.requireNonNull(json, "json");
        this.maxBytes = maxBytes;
    }

    /** The request body as a {@code type}. */
    public <T> T read(Context ctx, Class<T> type) {
        requireJson(ctx);
        byte[] body = readBounded(ctx, maxBytes);
        if (body.length == 0) {
            throw ApiException.badRequest(null, "the request body is empty: expected a JSON object");
        }
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw ApiException.badRequest(null, "the request body is null: expected a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest(e.getPropertyName(), "unknown property '" + e.getPropertyName()
                    + "'; known properties: " + e.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", ")));
        } catch (JsonMappingException e) {
            String field = fieldOf(e);
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw ApiException.badRequest(field, "invalid value" + (field == null ? "" : " for '" + field + "'")
                    + ": " + firstLine(cause instanceof ApiException ? cause.getMessage() : e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(null, "the request body is not valid JSON: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw ApiException.badRequest(null, "cannot read the request body: " + e.getMessage());
        }
    }

    /**
     * The request body, at most {@code limit} bytes.
     *
     * @throws ApiException 413 when it is longer
     */
    public static byte[] readBounded(Context ctx, int limit) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw ApiException.tooLarge("request body of " + declared + " bytes exceeds the limit of " + limit
                    + " bytes");
        }
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw ApiException.tooLarge("request body exceeds the limit of " + limit + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw ApiException.badRequest(null, "cannot read the request body: " + e.getMessage());
        }
    }

    private static void requireJson(Context ctx) {
        String type = ctx.contentType();
        String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json") && !media.endsWith("+json")) {
            throw ApiException.unsupportedType("content type '" + (type == null ? "" : type)
                    + "' is not accepted here: send application/json");
        }
    }

    private static String fieldOf(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? null : path.replace(".[", "[");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
