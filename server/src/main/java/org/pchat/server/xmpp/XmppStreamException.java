package org.pchat.server.xmpp;

import java.util.Objects;

/** Input that ends the stream with a stream error (RFC 6120 §4.9). */
public final class XmppStreamException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient StreamErrorCondition condition;

    public XmppStreamException(StreamErrorCondition condition, String message) {
        super(message);
        this.condition = Objects.requireNonNull(condition, "condition");
    }

    public XmppStreamException(StreamErrorCondition condition, String message, Throwable cause) {
        super(message, cause);
        this.condition = Objects.requireNonNull(condition, "condition");
    }

    public StreamErrorCondition condition() {
        return condition;
    }
}
