package org.pchat.server.cli;

import static org.pchat.db.content.Tables.MESSAGES;
import static org.pchat.db.content.Tables.ROOM_COUNTERS;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.pchat.db.content.tables.records.MessagesRecord;
import org.pchat.server.domain.Invitations;
import org.pchat.server.domain.Privacy;
import org.pchat.server.domain.Room;
import org.pchat.server.domain.RoomRoles;
import org.pchat.server.domain.RoomType;
import org.pchat.server.domain.User;
import org.pchat.server.domain.UserUris;
import org.pchat.server.domain.credentials.Credentials;
import org.pchat.server.domain.credentials.DigestAlgorithm;
import org.pchat.server.domain.credentials.PasswordHasher;
import org.pchat.server.store.RoomRepository;
import org.pchat.server.store.UserRepository;

/**
 * Writes a {@link SeedPlan} to the content database in batches, one transaction per batch, through the store
 * repositories. Every user shares one password: PBKDF2 and SCRAM material is derived once (it does not depend
 * on the user) and only the digest HA1 values, which hash the user name, are computed per user.
 */
final class SeedWriter {
    /** Rows per transaction. */
    static final int BATCH = 1_000;

    private final DSLContext content;
    private final Clock clock;

    SeedWriter(DSLContext content, Clock clock) {
        this.content = content;
        this.clock = clock;
    }

    /** Inserts users 0..n-1 of the plan with {@code template}'s password material. */
    void users(SeedPlan plan, Credentials template, char[] password, String realm) {
        UserRepository users = new UserRepository(content);
        Instant now = clock.instant();
        for (int start = 0; start < plan.users(); start += BATCH) {
            int from = start;
            int to = Math.min(plan.users(), start + BATCH);
            content.transaction(c -> {
                UserRepository tx = users.in(c.dsl());
                for (int u = from; u < to; u++) {
                    String uri = UserUris.normalize(plan.userUri(u));
                    String username = UserUris.digestUsername(uri);
                    Credentials own = new Credentials(template.pbkdf2Salt(), template.pbkdf2Iterations(),
                            template.pbkdf2Hash(), realm,
                            PasswordHasher.digestHa1(DigestAlgorithm.MD5, username, realm, password),
                            PasswordHasher.digestHa1(DigestAlgorithm.SHA_256, username, realm, password),
                            template.scramSha1(), template.scramSha256());
                    tx.insert(new User(uri, uri.substring("sip:".length(), uri.indexOf('@')), false), own, now);
                }
            });
        }
    }

    /** Inserts the planned rooms (open; auditoriums with their presenters) into {@code categoryId}. */
    void rooms(SeedPlan plan, List<SeedPlan.PlannedRoom> rooms, UUID categoryId) {
        RoomRepository repository = new RoomRepository(content);
        Instant now = clock.instant();
        for (int start = 0; start < rooms.size(); start += BATCH) {
            List<SeedPlan.PlannedRoom> batch = rooms.subList(start, Math.min(rooms.size(), start + BATCH));
            content.transaction(c -> {
                RoomRepository tx = repository.in(c.dsl());
                for (SeedPlan.PlannedRoom planned : batch) {
                    Room room = new Room(planned.id(), planned.name(), "load model " + planned.roomClass() + " room",
                            "", categoryId, Privacy.OPEN,
                            planned.auditorium() ? RoomType.AUDITORIUM : RoomType.NORMAL, false, null,
                            Invitations.INHERIT);
                    Set<String> presenters = Set.copyOf(planned.presenters().stream().map(plan::userUri).toList());
                    tx.insert(room, new RoomRoles(Set.of(), Set.of(), presenters), now);
                }
            });
        }
    }

    /**
     * Stores {@code count} messages by {@code authorUri} in a new room, seq 1..count, one second apart and
     * ending now, then sets the room's counter to the last seq.
     */
    void history(UUID roomId, String authorUri, long count) {
        Instant end = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (long start = 0; start < count; start += BATCH * 10L) {
            long from = start;
            long to = Math.min(count, start + BATCH * 10L);
            content.transaction(c -> {
                DSLContext tx = c.dsl();
                List<MessagesRecord> rows = new ArrayList<>((int) (to - from));
                for (long i = from; i < to; i++) {
                    long seq = i + 1;
                    MessagesRecord row = tx.newRecord(MESSAGES);
                    row.setRoomId(roomId);
                    row.setSeq(seq);
                    row.setAuthorUri(authorUri);
                    row.setReceivedAt(OffsetDateTime.ofInstant(end.minusSeconds(count - seq), ZoneOffset.UTC));
                    row.setBody("history message " + seq + " of the load model");
                    row.setAlert(false);
                    rows.add(row);
                }
                tx.batchInsert(rows).execute();
                tx.update(ROOM_COUNTERS).set(ROOM_COUNTERS.LAST_SEQ, to).where(ROOM_COUNTERS.ROOM_ID.eq(roomId))
                        .execute();
            });
        }
    }
}
