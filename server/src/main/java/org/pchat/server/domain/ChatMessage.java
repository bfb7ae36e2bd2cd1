package org.pchat.server.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored chat message (xccos.md §5.3).
 *
 * @param roomId     the room
 * @param seq        the room's sequence number: unique per room, assigned gap-free at posting
 * @param id         database-wide message id
 * @param authorUri  normalized SIP URI of the author
 * @param receivedAt when the server received it
 * @param text       plain text (may carry ma-filelink: links or a [STORY] encoding)
 * @param alert      high-priority post
 * @param richText   rich-text (RTF) body, or {@code null} when the client sent none
 */
public record ChatMessage(UUID roomId, long seq, long id, String authorUri, Instant receivedAt, String text,
        boolean alert, String richText) {

    public ChatMessage {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(authorUri, "authorUri");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(text, "text");
    }

    /** Text for logs: the length only, never the content. */
    @Override
    public String toString() {
        return "ChatMessage[roomId=" + roomId + ", seq=" + seq + ", id=" + id + ", authorUri=" + authorUri
                + ", receivedAt=" + receivedAt + ", text=<" + text.length() + " chars>, alert=" + alert
                + ", richText=" + (richText == null ? "none" : "<" + richText.length() + " chars>") + "]";
    }
}
