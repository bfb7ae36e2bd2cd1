package org.pchat.server.web.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** Typed path and query parameters; a malformed one is a 400 problem naming the parameter and the value. */
public final class Params {

    private Params() {
    }

    /** A GUID path parameter. */
    public static UUID uuid(Context ctx, String name) {
        String value = ctx.pathParam(name);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name, name + " '" + abbreviate(value) + "' is not a GUID");
        }
    }

    /** An optional integer query parameter within {@code min..max}, else {@code fallback}. */
    public static int intQuery(Context ctx, String name, int fallback, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < min || parsed > max) {
                throw ApiException.badRequest(name, name + " " + parsed + " is outside " + min + ".." + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " '" + abbreviate(value) + "' is not a whole number");
        }
    }

    /** An optional positive long query parameter. */
    public static OptionalLong longQuery(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed < 0) {
                throw ApiException.badRequest(name, name + " " + parsed + " is negative");
            }
            return OptionalLong.of(parsed);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " '" + abbreviate(value) + "' is not a whole number");
        }
    }

    /** An optional RFC 3339 instant query parameter ({@code 2024-05-01T10:00:00Z}). */
    public static Optional<Instant> instantQuery(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, name + " '" + abbreviate(value)
                    + "' is not an RFC 3339 UTC time like 2024-05-01T10:00:00Z");
        }
    }

    /** An optional text query parameter, stripped; empty when blank. */
    public static Optional<String> textQuery(Context ctx, String name, int maxLength) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw ApiException.badRequest(name, name + " is " + stripped.length() + " characters long, the limit is "
                    + maxLength);
        }
        return Optional.of(stripped);
    }

    /** A value cut to 60 characters for error messages. */
    public static String abbreviate(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= 60 ? value : value.substring(0, 60) + "…";
    }
}
