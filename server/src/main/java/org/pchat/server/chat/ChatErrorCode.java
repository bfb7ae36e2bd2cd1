package org.pchat.server.chat;

/**
 * Why a chat operation failed, protocol-neutral. Each code carries the HTTP-like number that the XCCOS
 * {@code resp/@code} (and later XMPP and HTTP errors) map from.
 */
public enum ChatErrorCode {
    /** The request is malformed or asks for something invalid. */
    BAD_REQUEST(400),
    /** The room model forbids it (scope, role, auditorium, disabled room, not joined). */
    FORBIDDEN(403),
    /** No such room, or a room the user may not see. */
    NOT_FOUND(404),
    /** A stale version (preferences) or another conflicting state. */
    CONFLICT(409),
    /** A size limit was exceeded. */
    TOO_LARGE(413),
    /** An unexpected failure (database down, bug); logged with its cause. */
    INTERNAL(500),
    /** The operation or query form is not supported. */
    NOT_IMPLEMENTED(501),
    /** A bounded work queue is full: try again later. */
    BUSY(503);

    private final int code;

    ChatErrorCode(int code) {
        this.code = code;
    }

    /** The HTTP-like number. */
    public int code() {
        return code;
    }
}
