package org.pchat.server.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * A history search over a set of rooms (the caller passes only rooms the user may read).
 * Paging is by message id: with {@code afterId} the first {@code limit} matches after it, else
 * the last {@code limit} matches (before {@code beforeId} when given); always oldest→newest.
 *
 * @param roomIds      rooms to search
 * @param text         case-insensitive substring of the text
 * @param authorUri    only this author
 * @param from         received at or after
 * @param to           received before
 * @param beforeId     page backwards from this message id (exclusive)
 * @param afterId      page forwards from this message id (exclusive)
 * @param limit        page size
 */
public record MessageQuery(Set<UUID> roomIds, Optional<String> text, Optional<String> authorUri,
        Optional<Instant> from, Optional<Instant> to, OptionalLong beforeId, OptionalLong afterId, int limit) {

    public MessageQuery {
        roomIds = Set.copyOf(roomIds);
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(authorUri, "authorUri");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(beforeId, "beforeId");
        Objects.requireNonNull(afterId, "afterId");
        if (beforeId.isPresent() && afterId.isPresent()) {
            throw new IllegalArgumentException("a message query pages either before " + beforeId.getAsLong()
                    + " or after " + afterId.getAsLong() + ", not both");
        }
    }

    /** The latest {@code limit} messages of the rooms, no other criteria. */
    public static MessageQuery in(Set<UUID> roomIds, int limit) {
        return new MessageQuery(roomIds, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalLong.empty(), OptionalLong.empty(), limit);
    }

    public MessageQuery withText(String value) {
        return new MessageQuery(roomIds, Optional.of(value), authorUri, from, to, beforeId, afterId, limit);
    }

    public MessageQuery withAuthor(String value) {
        return new MessageQuery(roomIds, text, Optional.of(value), from, to, beforeId, afterId, limit);
    }

    public MessageQuery withFrom(Instant value) {
        return new MessageQuery(roomIds, text, authorUri, Optional.of(value), to, beforeId, afterId, limit);
    }

    public MessageQuery withTo(Instant value) {
        return new MessageQuery(roomIds, text, authorUri, from, Optional.of(value), beforeId, afterId, limit);
    }

    public MessageQuery withBeforeId(long value) {
        return new MessageQuery(roomIds, text, authorUri, from, to, OptionalLong.of(value), OptionalLong.empty(),
                limit);
    }

    public MessageQuery withAfterId(long value) {
        return new MessageQuery(roomIds, text, authorUri, from, to, OptionalLong.empty(), OptionalLong.of(value),
                limit);
    }
}
