package org.pchat.xccos.model;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A chat message: the attributes and {@code <chat>} text shared by a live {@code grpchat} (xccos.md §5.1) and a
 * history {@code <msg id="grpchat">} (§4.9).
 *
 * <p>{@code messageId} and {@code alert} are written as {@code msgid} and {@code alert} attributes only when set:
 * the real attribute names are unknown (§5.3) and clients ignore unknown attributes.
 *
 * @param channel   {@code chanUri}, the room
 * @param author    {@code author}, the poster's SIP URI with its {@code sip:} prefix
 * @param timestamp {@code ts}; the server's receipt time on server messages, kept at 100 ns precision
 * @param text      the plain text, line breaks included; may be empty
 * @param messageId the room's sequence number of this message, when the server assigned one
 * @param alert     whether this is a high-priority post
 */
public record ChatMessage(ChanUri channel, String author, Instant timestamp, String text, OptionalLong messageId,
                          boolean alert) {

    /** The element name of the text. */
    public static final String TEXT_ELEMENT = "chat";
    /** The element name of a history entry. */
    public static final String HISTORY_ELEMENT = "msg";

    public ChatMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(author, "author");
        if (author.isBlank()) {
            throw new IllegalArgumentException("chat message author is blank");
        }
        timestamp = DotNetTicks.truncate(timestamp, "timestamp");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(messageId, "messageId");
        if (messageId.isPresent() && messageId.getAsLong() < 0) {
            throw new IllegalArgumentException("chat message id " + messageId.getAsLong() + " is negative");
        }
    }

    /** A message without id and alert, as clients post it. */
    public static ChatMessage of(ChanUri channel, String author, Instant timestamp, String text) {
        return new ChatMessage(channel, author, timestamp, text, OptionalLong.empty(), false);
    }

    /** This message with the room sequence number the server assigned. */
    public ChatMessage withMessageId(long id) {
        return new ChatMessage(channel, author, timestamp, text, OptionalLong.of(id), alert);
    }

    /** This message with another timestamp, e.g. the server's receipt time. */
    public ChatMessage withTimestamp(Instant newTimestamp) {
        return new ChatMessage(channel, author, newTimestamp, text, messageId, alert);
    }

    /** This message flagged (or not) as an alert. */
    public ChatMessage withAlert(boolean newAlert) {
        return new ChatMessage(channel, author, timestamp, text, messageId, newAlert);
    }

    /** Masks the text: message bodies stay out of logs. */
    @Override
    public String toString() {
        return "ChatMessage[channel=" + channel + ", author=" + author + ", timestamp=" + timestamp
                + ", text=<" + text.length() + " chars>, messageId=" + messageId + ", alert=" + alert + "]";
    }
}
