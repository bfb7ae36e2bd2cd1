package org.pchat.xccos.model;

import java.util.Objects;

/**
 * A live chat message {@code <grpchat id="grpchat" seqid="1" chanUri="…" author="…" ts="…"><chat>…</chat>
 * </grpchat>}, a direct child of {@code <xccos>} in both directions (xccos.md §5.1, §5.2).
 *
 * @param seqId   {@code seqid} ("1" from every known client; nobody reads it)
 * @param message the message
 */
public record GroupChat(String seqId, ChatMessage message) implements XccosElement {

    /** The element name, also its {@code id} attribute value. */
    public static final String ELEMENT = "grpchat";

    public GroupChat {
        Objects.requireNonNull(seqId, "seqId");
        Objects.requireNonNull(message, "message");
    }

    /** A message with seqid 1. */
    public static GroupChat of(ChatMessage message) {
        return new GroupChat(Command.DEFAULT_SEQ_ID, message);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.groupChat(this);
    }
}
