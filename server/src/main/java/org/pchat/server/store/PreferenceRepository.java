package org.pchat.server.store;

import static org.pchat.db.content.Tables.PREFERENCES;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.pchat.db.content.tables.records.PreferencesRecord;
import org.pchat.server.domain.DirectoryException;
import org.pchat.server.domain.Preference;
import org.pchat.server.domain.UserUris;

/** Per-user preferences (getpref / setpref) with a version counter for optimistic concurrency. */
public final class PreferenceRepository {

    /** Longest label stored. */
    public static final int MAX_LABEL_LENGTH = 256;
    /** Longest content stored. */
    public static final int MAX_CONTENT_LENGTH = 262_144;

    private final DSLContext dsl;

    public PreferenceRepository(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /** This repository bound to a caller's transaction. */
    public PreferenceRepository in(DSLContext tx) {
        return new PreferenceRepository(tx);
    }

    /** One preference. */
    public Optional<Preference> get(String userUri, String label) {
        return dsl.selectFrom(PREFERENCES)
                .where(PREFERENCES.USER_URI.eq(UserUris.normalize(userUri)).and(PREFERENCES.LABEL.eq(label)))
                .fetchOptional(PreferenceRepository::toPreference);
    }

    /** All preferences of a user, by label. */
    public List<Preference> list(String userUri) {
        return dsl.selectFrom(PREFERENCES).where(PREFERENCES.USER_URI.eq(UserUris.normalize(userUri)))
                .orderBy(PREFERENCES.LABEL).fetch(PreferenceRepository::toPreference);
    }

    /**
     * Writes a preference if its stored version is {@code expectedVersion} (0: it must not exist
     * yet); returns the stored preference with its new version, or empty when the version did not match.
     */
    public Optional<Preference> put(String userUri, String label, long expectedVersion, String content,
            Instant now) {
        String user = UserUris.normalize(userUri);
        check(user, label, content);
        if (expectedVersion == 0) {
            int inserted = dsl.insertInto(PREFERENCES)
                    .set(PREFERENCES.USER_URI, user)
                    .set(PREFERENCES.LABEL, label)
                    .set(PREFERENCES.VERSION, 1L)
                    .set(PREFERENCES.CONTENT, content)
                    .set(PREFERENCES.UPDATED_AT, Times.toDb(now))
                    .onConflictDoNothing()
                    .execute();
            return inserted == 1 ? Optional.of(new Preference(user, label, 1, content)) : Optional.empty();
        }
        int updated = dsl.update(PREFERENCES)
                .set(PREFERENCES.VERSION, expectedVersion + 1)
                .set(PREFERENCES.CONTENT, content)
                .set(PREFERENCES.UPDATED_AT, Times.toDb(now))
                .where(PREFERENCES.USER_URI.eq(user).and(PREFERENCES.LABEL.eq(label))
                        .and(PREFERENCES.VERSION.eq(expectedVersion)))
                .execute();
        return updated == 1 ? Optional.of(new Preference(user, label, expectedVersion + 1, content))
                : Optional.empty();
    }

    /** Writes a preference whatever its version; returns it with its new version. */
    public Preference put(String userUri, String label, String content, Instant now) {
        String user = UserUris.normalize(userUri);
        check(user, label, content);
        return dsl.transactionResult(c -> {
            Optional<PreferencesRecord> row = c.dsl().selectFrom(PREFERENCES)
                    .where(PREFERENCES.USER_URI.eq(user).and(PREFERENCES.LABEL.eq(label)))
                    .forUpdate().fetchOptional();
            long version = row.map(r -> r.getVersion() + 1).orElse(1L);
            PreferencesRecord record = row.orElseGet(() -> {
                PreferencesRecord fresh = c.dsl().newRecord(PREFERENCES);
                fresh.setUserUri(user);
                fresh.setLabel(label);
                return fresh;
            });
            record.setVersion(version);
            record.setContent(content);
            record.setUpdatedAt(Times.toDb(now));
            record.store();
            return new Preference(user, label, version, content);
        });
    }

    /** Deletes a preference; false when there was none. */
    public boolean delete(String userUri, String label) {
        return dsl.deleteFrom(PREFERENCES)
                .where(PREFERENCES.USER_URI.eq(UserUris.normalize(userUri)).and(PREFERENCES.LABEL.eq(label)))
                .execute() == 1;
    }

    private static void check(String user, String label, String content) {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(content, "content");
        if (label.isEmpty()) {
            throw DirectoryException.invalid("preference label of " + user + " is empty");
        }
        Limits.length("preference label", label, MAX_LABEL_LENGTH, user);
        Limits.length("preference '" + label + "'", content, MAX_CONTENT_LENGTH, user);
    }

    private static Preference toPreference(PreferencesRecord r) {
        return new Preference(r.getUserUri(), r.getLabel(), r.getVersion(), r.getContent());
    }
}
