package org.pchat.server.store;

import static org.pchat.db.content.Tables.INVITATIONS;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.pchat.db.content.tables.records.InvitationsRecord;
import org.pchat.server.domain.Invitation;
import org.pchat.server.domain.UserUris;

/** Outstanding room invitations (getinv). One per user and room. */
public final class InvitationRepository {

    private final DSLContext dsl;

    public InvitationRepository(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /** This repository bound to a caller's transaction. */
    public InvitationRepository in(DSLContext tx) {
        return new InvitationRepository(tx);
    }

    /** Issues an invitation unless one for that user and room is outstanding; returns the outstanding one. */
    public Invitation issue(String userUri, UUID roomId, Instant now) {
        String user = UserUris.normalize(userUri);
        dsl.insertInto(INVITATIONS)
                .set(INVITATIONS.USER_URI, user)
                .set(INVITATIONS.ROOM_ID, roomId)
                .set(INVITATIONS.CREATED_AT, Times.toDb(now))
                .onConflictDoNothing()
                .execute();
        return dsl.selectFrom(INVITATIONS)
                .where(INVITATIONS.USER_URI.eq(user).and(INVITATIONS.ROOM_ID.eq(roomId)))
                .fetchSingle(InvitationRepository::toInvitation);
    }

    /** A user's invitations with id above {@code afterId}, oldest first, at most {@code limit}. */
    public List<Invitation> pending(String userUri, long afterId, int limit) {
        return dsl.selectFrom(INVITATIONS)
                .where(INVITATIONS.USER_URI.eq(UserUris.normalize(userUri)).and(INVITATIONS.ID.gt(afterId)))
                .orderBy(INVITATIONS.ID)
                .limit(limit)
                .fetch(InvitationRepository::toInvitation);
    }

    /** One invitation. */
    public Optional<Invitation> find(long id) {
        return dsl.selectFrom(INVITATIONS).where(INVITATIONS.ID.eq(id)).fetchOptional(InvitationRepository::toInvitation);
    }

    /** Withdraws one invitation; false when there was none. */
    public boolean remove(long id) {
        return dsl.deleteFrom(INVITATIONS).where(INVITATIONS.ID.eq(id)).execute() == 1;
    }

    /** Withdraws a user's invitation to a room; false when there was none. */
    public boolean remove(String userUri, UUID roomId) {
        return dsl.deleteFrom(INVITATIONS)
                .where(INVITATIONS.USER_URI.eq(UserUris.normalize(userUri)).and(INVITATIONS.ROOM_ID.eq(roomId)))
                .execute() == 1;
    }

    private static Invitation toInvitation(InvitationsRecord r) {
        return new Invitation(r.getId(), r.getUserUri(), r.getRoomId(), Times.fromDb(r.getCreatedAt()));
    }
}
