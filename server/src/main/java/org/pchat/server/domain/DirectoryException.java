package org.pchat.server.domain;

import java.util.Objects;

/**
 * A directory rule was broken: the one-line message names the value seen and the rule,
 * e.g. {@code room name 'Lobby' already exists}. The {@link Kind} lets each boundary map it
 * (HTTP 404/409/400/403, an XCCOS error code, a CLI exit status).
 */
public final class DirectoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of rule was broken. */
    public enum Kind {
        /** A named or identified thing does not exist. */
        NOT_FOUND,
        /** The change collides with existing state (duplicate name, non-empty category). */
        CONFLICT,
        /** A value is malformed or out of its allowed range. */
        INVALID,
        /** The room model forbids it (scope, denied principal, role). */
        FORBIDDEN
    }

    private final Kind kind;

    public DirectoryException(Kind kind, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public static DirectoryException notFound(String message) {
        return new DirectoryException(Kind.NOT_FOUND, message);
    }

    public static DirectoryException conflict(String message) {
        return new DirectoryException(Kind.CONFLICT, message);
    }

    public static DirectoryException invalid(String message) {
        return new DirectoryException(Kind.INVALID, message);
    }

    public static DirectoryException forbidden(String message) {
        return new DirectoryException(Kind.FORBIDDEN, message);
    }

    public Kind kind() {
        return kind;
    }
}
