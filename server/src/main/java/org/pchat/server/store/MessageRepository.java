package org.pchat.server.store;

import static org.pchat.db.content.Tables.MESSAGES;
import static org.pchat.db.content.Tables.ROOM_COUNTERS;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.ResultQuery;
import org.pchat.db.content.tables.records.MessagesRecord;
import org.pchat.server.domain.ChatMessage;
import org.pchat.server.domain.DirectoryException;
import org.pchat.server.domain.UserUris;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Room history. Posting assigns the room's next sequence number in the same transaction that
 * stores the message, by locking the room's counter row, so sequence numbers are unique and
 * gap-free per room even with writers in several processes. Reads are keyset ranges on
 * {@code (room_id, seq)} and return messages oldest→newest.
 */
public final class MessageRepository {

    private static final Logger LOG = LoggerFactory.getLogger(MessageRepository.class);

    private final DSLContext dsl;
    private final MessageStoreConfig config;

    public MessageRepository(DSLContext dsl, MessageStoreConfig config) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.config = Objects.requireNonNull(config, "config");
    }

    /** This repository bound to a caller's transaction. */
    public MessageRepository in(DSLContext tx) {
        return new MessageRepository(tx, config);
    }

    /**
     * Stores a message in its own transaction (a savepoint when this repository is bound to a
     * transaction) and returns it with its sequence number and id.
     *
     * @throws DirectoryException NOT_FOUND for an unknown room, INVALID for a bad author or over-long text
     */
    public ChatMessage append(UUID roomId, String authorUri, String text, boolean alert, String richText,
            Instant receivedAt) {
        return dsl.transactionResult(c -> append(c.dsl(), roomId, authorUri, text, alert, richText, receivedAt));
    }

    /**
     * Stores a message in the caller's transaction {@code tx}: it becomes visible, and its
     * sequence number final, when the caller commits. The room's counter row stays locked until then.
     */
    public ChatMessage append(DSLContext tx, UUID roomId, String authorUri, String text, boolean alert,
            String richText, Instant receivedAt) {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(text, "text");
        String author = UserUris.normalize(authorUri);
        Limits.length("message text", text, config.maxTextLength(), author + " in room " + roomId);
        Limits.length("rich text", richText, config.maxRichTextLength(), author + " in room " + roomId);
        Instant at = Times.stored(Objects.requireNonNull(receivedAt, "receivedAt"));
        int locked = tx.update(ROOM_COUNTERS)
                .set(ROOM_COUNTERS.LAST_SEQ, ROOM_COUNTERS.LAST_SEQ.plus(1L))
                .where(ROOM_COUNTERS.ROOM_ID.eq(roomId))
                .execute();
        if (locked == 0) {
            throw DirectoryException.notFound("unknown room id " + roomId);
        }
        long seq = tx.select(ROOM_COUNTERS.LAST_SEQ).from(ROOM_COUNTERS)
                .where(ROOM_COUNTERS.ROOM_ID.eq(roomId))
                .fetchSingle().value1();
        long id = tx.insertInto(MESSAGES)
                .set(MESSAGES.ROOM_ID, roomId)
                .set(MESSAGES.SEQ, seq)
                .set(MESSAGES.AUTHOR_URI, author)
                .set(MESSAGES.RECEIVED_AT, Times.toDb(at))
                .set(MESSAGES.BODY, text)
                .set(MESSAGES.ALERT, alert)
                .set(MESSAGES.RICH_TEXT, richText)
                .returningResult(MESSAGES.ID)
                .fetchSingle().value1();
        LOG.debug("room {} - stored message {} seq {} from {}", roomId, id, seq, author);
        return new ChatMessage(roomId, seq, id, author, at, text, alert, richText);
    }

    /** The last {@code n} messages of a room, oldest→newest. */
    public List<ChatMessage> last(UUID roomId, int n) {
        Limits.count("history page", n, config.maxPageSize(), "room " + roomId);
        return newestFirstReversed(lastQuery(roomId, n).fetch());
    }

    /** Up to {@code n} messages just before sequence number {@code seq} (exclusive), oldest→newest. */
    public List<ChatMessage> before(UUID roomId, long seq, int n) {
        Limits.count("history page", n, config.maxPageSize(), "room " + roomId);
        return newestFirstReversed(beforeQuery(roomId, seq, n).fetch());
    }

    /** Up to {@code n} messages just after sequence number {@code seq} (exclusive), oldest→newest. */
    public List<ChatMessage> after(UUID roomId, long seq, int n) {
        Limits.count("history page", n, config.maxPageSize(), "room " + roomId);
        return afterQuery(roomId, seq, n).fetch(MessageRepository::toMessage);
    }

    /** The first {@code n} messages received in {@code [from, to)}, oldest→newest. */
    public List<ChatMessage> between(UUID roomId, Instant from, Instant to, int n) {
        Limits.count("history page", n, config.maxPageSize(), "room " + roomId);
        return dsl.selectFrom(MESSAGES)
                .where(MESSAGES.ROOM_ID.eq(roomId)
                        .and(MESSAGES.RECEIVED_AT.ge(Times.toDb(from)))
                        .and(MESSAGES.RECEIVED_AT.lt(Times.toDb(to))))
                .orderBy(MESSAGES.SEQ.asc())
                .limit(n)
                .fetch(MessageRepository::toMessage);
    }

    /** A message by its database-wide id. */
    public Optional<ChatMessage> byId(long id) {
        return dsl.selectFrom(MESSAGES).where(MESSAGES.ID.eq(id)).fetchOptional(MessageRepository::toMessage);
    }

    /** The last sequence number assigned in a room (0 before the first post); empty for an unknown room. */
    public OptionalLong lastSeq(UUID roomId) {
        Optional<Record1<Long>> row = dsl.select(ROOM_COUNTERS.LAST_SEQ).from(ROOM_COUNTERS)
                .where(ROOM_COUNTERS.ROOM_ID.eq(roomId))
                .fetchOptional();
        return row.map(r -> OptionalLong.of(r.value1())).orElseGet(OptionalLong::empty);
    }

    /** Searches the given rooms; see {@link MessageQuery} for the paging rules. */
    public MessagePage search(MessageQuery query) {
        Limits.count("search page", query.limit(), config.maxPageSize(), "search");
        if (query.roomIds().size() > config.maxSearchRooms()) {
            throw DirectoryException.invalid("search over " + query.roomIds().size()
                    + " rooms exceeds the limit of " + config.maxSearchRooms());
        }
        if (query.roomIds().isEmpty()) {
            return new MessagePage(List.of(), true);
        }
        Condition where = MESSAGES.ROOM_ID.in(query.roomIds());
        if (query.text().isPresent()) {
            where = where.and(MESSAGES.BODY.containsIgnoreCase(query.text().get()));
        }
        if (query.authorUri().isPresent()) {
            where = where.and(MESSAGES.AUTHOR_URI.eq(UserUris.normalize(query.authorUri().get())));
        }
        if (query.from().isPresent()) {
            where = where.and(MESSAGES.RECEIVED_AT.ge(Times.toDb(query.from().get())));
        }
        if (query.to().isPresent()) {
            where = where.and(MESSAGES.RECEIVED_AT.lt(Times.toDb(query.to().get())));
        }
        int limit = query.limit();
        if (query.afterId().isPresent()) {
            List<ChatMessage> found = dsl.selectFrom(MESSAGES)
                    .where(where.and(MESSAGES.ID.gt(query.afterId().getAsLong())))
                    .orderBy(MESSAGES.ID.asc())
                    .limit(limit + 1)
                    .fetch(MessageRepository::toMessage);
            return page(found, limit);
        }
        if (query.beforeId().isPresent()) {
            where = where.and(MESSAGES.ID.lt(query.beforeId().getAsLong()));
        }
        List<ChatMessage> found = dsl.selectFrom(MESSAGES)
                .where(where)
                .orderBy(MESSAGES.ID.desc())
                .limit(limit + 1)
                .fetch(MessageRepository::toMessage);
        MessagePage newestFirst = page(found, limit);
        List<ChatMessage> ordered = new ArrayList<>(newestFirst.messages());
        Collections.reverse(ordered);
        return new MessagePage(ordered, newestFirst.complete());
    }

    /** Deletes a room's messages received before {@code before}; returns how many. */
    public int clearBefore(UUID roomId, Instant before) {
        int deleted = dsl.deleteFrom(MESSAGES)
                .where(MESSAGES.ROOM_ID.eq(roomId).and(MESSAGES.RECEIVED_AT.lt(Times.toDb(before))))
                .execute();
        LOG.info("room {} - cleared {} messages received before {}", roomId, deleted, before);
        return deleted;
    }

    /** Deletes one message; false when there is no such message. */
    public boolean remove(long id) {
        return dsl.deleteFrom(MESSAGES).where(MESSAGES.ID.eq(id)).execute() == 1;
    }

    /** Replaces a message's text (the rich-text body is dropped); false when there is no such message. */
    public boolean replace(long id, String text) {
        Objects.requireNonNull(text, "text");
        Limits.length("replacement text", text, config.maxTextLength(), "message " + id);
        return dsl.update(MESSAGES)
                .set(MESSAGES.BODY, text)
                .setNull(MESSAGES.RICH_TEXT)
                .where(MESSAGES.ID.eq(id))
                .execute() == 1;
    }

    /** How many messages a room holds. */
    public int count(UUID roomId) {
        return dsl.fetchCount(MESSAGES, MESSAGES.ROOM_ID.eq(roomId));
    }

    /*
     * The keyset reads order by (room_id, seq), not by seq alone: room_id is fixed by the WHERE
     * clause, so the order is the same, but only then does H2 read the (room_id, seq) index in
     * order and stop after n rows ("index sorted") instead of sorting the whole room.
     * PostgreSQL does a backward or forward index scan either way.
     */

    /** "Last n": a backward range scan of the (room_id, seq) index, newest first. */
    ResultQuery<MessagesRecord> lastQuery(UUID roomId, int n) {
        return dsl.selectFrom(MESSAGES)
                .where(MESSAGES.ROOM_ID.eq(roomId))
                .orderBy(MESSAGES.ROOM_ID.desc(), MESSAGES.SEQ.desc())
                .limit(n);
    }

    /** "n before seq": a backward range scan of the (room_id, seq) index, newest first. */
    ResultQuery<MessagesRecord> beforeQuery(UUID roomId, long seq, int n) {
        return dsl.selectFrom(MESSAGES)
                .where(MESSAGES.ROOM_ID.eq(roomId).and(MESSAGES.SEQ.lt(seq)))
                .orderBy(MESSAGES.ROOM_ID.desc(), MESSAGES.SEQ.desc())
                .limit(n);
    }

    /** "n after seq": a forward range scan of the (room_id, seq) index. */
    ResultQuery<MessagesRecord> afterQuery(UUID roomId, long seq, int n) {
        return dsl.selectFrom(MESSAGES)
                .where(MESSAGES.ROOM_ID.eq(roomId).and(MESSAGES.SEQ.gt(seq)))
                .orderBy(MESSAGES.ROOM_ID.asc(), MESSAGES.SEQ.asc())
                .limit(n);
    }

    private static MessagePage page(List<ChatMessage> found, int limit) {
        return found.size() > limit ? new MessagePage(found.subList(0, limit), false) : new MessagePage(found, true);
    }

    private static List<ChatMessage> newestFirstReversed(List<MessagesRecord> newestFirst) {
        List<ChatMessage> messages = new ArrayList<>(newestFirst.size());
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            messages.add(toMessage(newestFirst.get(i)));
        }
        return messages;
    }

    static ChatMessage toMessage(MessagesRecord r) {
        return new ChatMessage(r.getRoomId(), r.getSeq(), r.getId(), r.getAuthorUri(), Times.fromDb(r.getReceivedAt()),
                r.getBody(), r.getAlert(), r.getRichText());
    }
}
