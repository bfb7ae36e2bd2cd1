package org.pchat.server.store;

import static org.pchat.db.content.Tables.MESSAGES;
import static org.pchat.db.content.Tables.ROOM_COUNTERS;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep6;
import org.pchat.db.content.tables.records.MessagesRecord;

/** Loads many messages quickly for tests: one counter bump and multi-row inserts, as append would number them. */
final class MessageFixtures {

    private static final int CHUNK = 1_000;

    private MessageFixtures() {
    }

    /**
     * Appends {@code count} messages "message N" from {@code author}, received one second apart
     * from {@code start}, numbered after the room's current last sequence number.
     */
    static void bulkAppend(DSLContext dsl, UUID roomId, String author, int count, Instant start) {
        dsl.transaction(c -> {
            DSLContext tx = c.dsl();
            tx.update(ROOM_COUNTERS).set(ROOM_COUNTERS.LAST_SEQ, ROOM_COUNTERS.LAST_SEQ.plus((long) count))
                    .where(ROOM_COUNTERS.ROOM_ID.eq(roomId)).execute();
            long last = tx.select(ROOM_COUNTERS.LAST_SEQ).from(ROOM_COUNTERS)
                    .where(ROOM_COUNTERS.ROOM_ID.eq(roomId)).fetchSingle().value1();
            long first = last - count + 1;
            for (int from = 0; from < count; from += CHUNK) {
                InsertValuesStep6<MessagesRecord, UUID, Long, String, java.time.OffsetDateTime, String, Boolean> insert =
                        tx.insertInto(MESSAGES, MESSAGES.ROOM_ID, MESSAGES.SEQ, MESSAGES.AUTHOR_URI,
                                MESSAGES.RECEIVED_AT, MESSAGES.BODY, MESSAGES.ALERT);
                for (int i = from; i < Math.min(count, from + CHUNK); i++) {
                    long seq = first + i;
                    insert = insert.values(roomId, seq, author, start.plusSeconds(i).atOffset(ZoneOffset.UTC),
                            "message " + seq, false);
                }
                insert.execute();
            }
        });
    }
}
