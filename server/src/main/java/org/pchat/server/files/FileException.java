package org.pchat.server.files;

import java.util.Objects;

/**
 * A file operation was refused or failed for a reason the client must hear. The one-line message names the value
 * seen, the rule or limit, and the identity (user, room, file); it never carries a token.
 */
public final class FileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the operation was refused. */
    public enum Kind {
        /** No such room or file, or one the user may not see. */
        NOT_FOUND,
        /** The room model forbids it (scope, membership, file upload disabled, disabled room). */
        FORBIDDEN,
        /** A malformed name, offset or length. */
        INVALID,
        /** The file is larger than the limit. */
        TOO_LARGE,
        /** The declared content type is not accepted. */
        UNSUPPORTED_TYPE,
        /** The request collides with the state of an upload in progress. */
        CONFLICT,
        /** Too many uploads in progress. */
        BUSY,
        /** The store failed (disk full, I/O error); logged with its cause. */
        STORAGE
    }

    private final Kind kind;

    public FileException(Kind kind, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public FileException(Kind kind, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
