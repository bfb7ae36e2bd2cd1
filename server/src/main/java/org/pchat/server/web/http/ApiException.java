package org.pchat.server.web.http;

import java.util.Objects;
import java.util.Optional;

/**
 * A request is refused with an HTTP status and an RFC 9457 problem body. The message is the problem's
 * {@code detail}: one line naming the value seen, the rule or limit and the identity; it never carries a
 * secret.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String slug;
    private final String field;

    private ApiException(int status, String slug, String detail, String field) {
        super(Objects.requireNonNull(detail, "detail"));
        this.status = status;
        this.slug = Objects.requireNonNull(slug, "slug");
        this.field = field;
    }

    /** 400: the request is malformed. */
    public static ApiException badRequest(String field, String detail) {
        return new ApiException(400, "bad-request", detail, field);
    }

    /** 401: no or wrong credentials. */
    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "unauthorized", detail, null);
    }

    /** 403: the caller is known but the room model forbids it. */
    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", detail, null);
    }

    /** 404: no such thing, or one the caller may not see. */
    public static ApiException notFound(String detail) {
        return new ApiException(404, "not-found", detail, null);
    }

    /** 409: the change collides with the current state. */
    public static ApiException conflict(String field, String detail) {
        return new ApiException(409, "conflict", detail, field);
    }

    /** 413: the body is larger than the limit. */
    public static ApiException tooLarge(String detail) {
        return new ApiException(413, "too-large", detail, null);
    }

    /** 415: the body's content type is not accepted. */
    public static ApiException unsupportedType(String detail) {
        return new ApiException(415, "unsupported-media-type", detail, "Content-Type");
    }

    /** 422: the request is well formed but a value breaks a rule. */
    public static ApiException invalid(String field, String detail) {
        return new ApiException(422, "invalid", detail, field);
    }

    /** 429: too many failed logins. */
    public static ApiException tooManyRequests(String detail) {
        return new ApiException(429, "too-many-requests", detail, null);
    }

    /** 503: a dependency (database, store) is not available. */
    public static ApiException unavailable(String detail) {
        return new ApiException(503, "unavailable", detail, null);
    }

    /** Any status with its own slug. */
    public static ApiException of(int status, String slug, String detail, String field) {
        return new ApiException(status, slug, detail, field);
    }

    public int status() {
        return status;
    }

    /** The last part of the problem type URI. */
    public String slug() {
        return slug;
    }

    /** The request field at fault. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** The problem body for a request path. */
    public Problem toProblem(String instance) {
        return new Problem("urn:pchat:problem:" + slug, Problems.title(status), status, getMessage(), instance, field);
    }
}
