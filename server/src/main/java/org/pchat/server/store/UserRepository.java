package org.pchat.server.store;

import static org.pchat.db.content.Tables.USERS;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.pchat.db.content.tables.records.UsersRecord;
import org.pchat.server.domain.User;
import org.pchat.server.domain.UserUris;
import org.pchat.server.domain.credentials.Credentials;
import org.pchat.server.domain.credentials.ScramCredential;
import org.pchat.server.domain.credentials.ScramMechanism;

/** User accounts and their password material. */
public final class UserRepository {

    private final DSLContext dsl;

    public UserRepository(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /** This repository bound to a caller's transaction. */
    public UserRepository in(DSLContext tx) {
        return new UserRepository(tx);
    }

    /** Inserts a user; the caller has checked that the URI is free. */
    public void insert(User user, Credentials credentials, Instant now) {
        UsersRecord row = dsl.newRecord(USERS);
        row.setUri(user.uri());
        row.setDisplayName(user.displayName());
        row.setIsAdmin(user.admin());
        row.setCreatedAt(Times.toDb(now));
        row.setUpdatedAt(Times.toDb(now));
        write(row, credentials);
        row.insert();
    }

    /** A user by URI (normalized first). */
    public Optional<User> find(String uri) {
        return dsl.selectFrom(USERS).where(USERS.URI.eq(UserUris.normalize(uri)))
                .fetchOptional(UserRepository::toUser);
    }

    /** Whether the user exists. */
    public boolean exists(String uri) {
        return dsl.fetchExists(USERS, USERS.URI.eq(UserUris.normalize(uri)));
    }

    /** A user's password material; empty for an unknown user or one without a password. */
    public Optional<Credentials> credentials(String uri) {
        return dsl.selectFrom(USERS).where(USERS.URI.eq(UserUris.normalize(uri)))
                .fetchOptional()
                .flatMap(UserRepository::toCredentials);
    }

    /** Every user, by URI. */
    public List<User> list() {
        return dsl.selectFrom(USERS).orderBy(USERS.URI).fetch(UserRepository::toUser);
    }

    /** Replaces a user's password material; false for an unknown user. */
    public boolean setCredentials(String uri, Credentials credentials, Instant now) {
        Optional<UsersRecord> row = dsl.selectFrom(USERS).where(USERS.URI.eq(UserUris.normalize(uri))).fetchOptional();
        row.ifPresent(r -> {
            write(r, credentials);
            r.setUpdatedAt(Times.toDb(now));
            r.update();
        });
        return row.isPresent();
    }

    /** Changes the display name and admin flag; false for an unknown user. */
    public boolean update(User user, Instant now) {
        return dsl.update(USERS)
                .set(USERS.DISPLAY_NAME, user.displayName())
                .set(USERS.IS_ADMIN, user.admin())
                .set(USERS.UPDATED_AT, Times.toDb(now))
                .where(USERS.URI.eq(user.uri()))
                .execute() == 1;
    }

    /** Deletes a user; false for an unknown user. */
    public boolean delete(String uri) {
        return dsl.deleteFrom(USERS).where(USERS.URI.eq(UserUris.normalize(uri))).execute() == 1;
    }

    private static void write(UsersRecord row, Credentials c) {
        row.setPbkdf2Salt(c.pbkdf2Salt());
        row.setPbkdf2Iterations(c.pbkdf2Iterations());
        row.setPbkdf2Hash(c.pbkdf2Hash());
        row.setDigestRealm(c.digestRealm());
        row.setDigestHa1Md5(c.ha1Md5());
        row.setDigestHa1Sha256(c.ha1Sha256());
        row.setScramSha1Salt(c.scramSha1().salt());
        row.setScramSha1Iterations(c.scramSha1().iterations());
        row.setScramSha1StoredKey(c.scramSha1().storedKey());
        row.setScramSha1ServerKey(c.scramSha1().serverKey());
        row.setScramSha256Salt(c.scramSha256().salt());
        row.setScramSha256Iterations(c.scramSha256().iterations());
        row.setScramSha256StoredKey(c.scramSha256().storedKey());
        row.setScramSha256ServerKey(c.scramSha256().serverKey());
    }

    private static User toUser(UsersRecord r) {
        return new User(r.getUri(), r.getDisplayName(), r.getIsAdmin());
    }

    private static Optional<Credentials> toCredentials(UsersRecord r) {
        if (r.getPbkdf2Hash() == null || r.getScramSha1StoredKey() == null || r.getScramSha256StoredKey() == null) {
            return Optional.empty();
        }
        return Optional.of(new Credentials(r.getPbkdf2Salt(), r.getPbkdf2Iterations(), r.getPbkdf2Hash(),
                r.getDigestRealm(), r.getDigestHa1Md5(), r.getDigestHa1Sha256(),
                new ScramCredential(ScramMechanism.SCRAM_SHA_1, r.getScramSha1Salt(), r.getScramSha1Iterations(),
                        r.getScramSha1StoredKey(), r.getScramSha1ServerKey()),
                new ScramCredential(ScramMechanism.SCRAM_SHA_256, r.getScramSha256Salt(),
                        r.getScramSha256Iterations(), r.getScramSha256StoredKey(), r.getScramSha256ServerKey())));
    }
}
