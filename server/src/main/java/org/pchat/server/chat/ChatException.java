package org.pchat.server.chat;

import java.util.Objects;
import org.pchat.server.domain.DirectoryException;

/**
 * A chat operation failed for a reason the client must hear. The message is one line naming the value seen,
 * the rule or limit, and the identity (user, room); it is sent to the client, so it never carries secrets.
 */
public final class ChatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ChatErrorCode code;

    public ChatException(ChatErrorCode code, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.code = Objects.requireNonNull(code, "code");
    }

    public ChatException(ChatErrorCode code, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ChatErrorCode code() {
        return code;
    }

    public static ChatException forbidden(String message) {
        return new ChatException(ChatErrorCode.FORBIDDEN, message);
    }

    public static ChatException notFound(String message) {
        return new ChatException(ChatErrorCode.NOT_FOUND, message);
    }

    public static ChatException badRequest(String message) {
        return new ChatException(ChatErrorCode.BAD_REQUEST, message);
    }

    /** The chat error a directory rule violation means. */
    public static ChatException of(DirectoryException e) {
        ChatErrorCode code = switch (e.kind()) {
            case NOT_FOUND -> ChatErrorCode.NOT_FOUND;
            case CONFLICT -> ChatErrorCode.CONFLICT;
            case INVALID -> ChatErrorCode.BAD_REQUEST;
            case FORBIDDEN -> ChatErrorCode.FORBIDDEN;
        };
        return new ChatException(code, e.getMessage(), e);
    }
}
