package org.pchat.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Schema;
import org.jooq.Table;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.pchat.db.compliance.tables.records.ComplianceEventsRecord;
import org.pchat.db.content.Tables;
import org.pchat.db.content.tables.records.MessagesRecord;

/**
 * Migrates fresh content and compliance databases with Flyway, then checks that the jOOQ
 * classes generated from the same scripts match them table by table and column by column,
 * and that typed inserts and reads work. Run against H2 and PostgreSQL by the subclasses.
 */
abstract class MigrationsAgreeWithGeneratedCodeContract {

    /** A migrated-from-nothing content database. */
    protected abstract DataSource contentDataSource();

    /** A migrated-from-nothing compliance database. */
    protected abstract DataSource complianceDataSource();

    protected abstract SQLDialect dialect();

    @Test
    void contentMigrationsCreateExactlyTheGeneratedTablesAndColumns() {
        migrate(contentDataSource(), "classpath:db/content");
        assertThat(columnsInDatabase(dsl(contentDataSource())))
                .isEqualTo(columnsGenerated(org.pchat.db.content.DefaultSchema.DEFAULT_SCHEMA));
    }

    @Test
    void complianceMigrationsCreateExactlyTheGeneratedTablesAndColumns() {
        migrate(complianceDataSource(), "classpath:db/compliance");
        assertThat(columnsInDatabase(dsl(complianceDataSource())))
                .isEqualTo(columnsGenerated(org.pchat.db.compliance.DefaultSchema.DEFAULT_SCHEMA));
    }

    @Test
    void everyGeneratedContentTableCanBeQueriedThroughTheGeneratedClasses() {
        migrate(contentDataSource(), "classpath:db/content");
        DSLContext dsl = dsl(contentDataSource());
        for (Table<?> table : org.pchat.db.content.DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            assertThat(dsl.selectFrom(table).fetch()).as(table.getName()).isEmpty();
        }
    }

    @Test
    void aMessageRoundTripsThroughTheGeneratedClasses() {
        migrate(contentDataSource(), "classpath:db/content");
        DSLContext dsl = dsl(contentDataSource());
        UUID category = UUID.randomUUID();
        UUID room = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 123_456_000, ZoneOffset.UTC);
        dsl.insertInto(Tables.CATEGORIES)
                .set(Tables.CATEGORIES.ID, category).set(Tables.CATEGORIES.NAME, "Eng")
                .set(Tables.CATEGORIES.NAME_KEY, "eng").set(Tables.CATEGORIES.DESCRIPTION, "")
                .set(Tables.CATEGORIES.INVITATIONS, false).set(Tables.CATEGORIES.FILE_UPLOAD, true)
                .set(Tables.CATEGORIES.CHAT_HISTORY, true).set(Tables.CATEGORIES.CREATED_AT, at)
                .execute();
        dsl.insertInto(Tables.ROOMS)
                .set(Tables.ROOMS.ID, room).set(Tables.ROOMS.NAME, "Lobby").set(Tables.ROOMS.NAME_KEY, "lobby")
                .set(Tables.ROOMS.DESCRIPTION, "").set(Tables.ROOMS.TOPIC, "").set(Tables.ROOMS.CATEGORY_ID, category)
                .set(Tables.ROOMS.PRIVACY, "closed").set(Tables.ROOMS.ROOM_TYPE, "normal")
                .set(Tables.ROOMS.DISABLED, false).set(Tables.ROOMS.INVITATIONS, "inherit")
                .set(Tables.ROOMS.CREATED_AT, at).set(Tables.ROOMS.UPDATED_AT, at)
                .execute();
        Long id = dsl.insertInto(Tables.MESSAGES)
                .set(Tables.MESSAGES.ROOM_ID, room).set(Tables.MESSAGES.SEQ, 1L)
                .set(Tables.MESSAGES.AUTHOR_URI, "sip:alice@example.com").set(Tables.MESSAGES.RECEIVED_AT, at)
                .set(Tables.MESSAGES.BODY, "hello").set(Tables.MESSAGES.ALERT, true)
                .returningResult(Tables.MESSAGES.ID).fetchSingle().value1();

        MessagesRecord read = dsl.selectFrom(Tables.MESSAGES).where(Tables.MESSAGES.ID.eq(id)).fetchSingle();

        assertThat(read.getRoomId()).isEqualTo(room);
        assertThat(read.getReceivedAt().toInstant()).isEqualTo(at.toInstant());
        assertThat(read.getBody()).isEqualTo("hello");
        assertThat(read.getAlert()).isTrue();
        assertThat(read.getRichText()).isNull();
    }

    @Test
    void aComplianceEventRoundTripsThroughTheGeneratedClasses() {
        migrate(complianceDataSource(), "classpath:db/compliance");
        DSLContext dsl = dsl(complianceDataSource());
        var events = org.pchat.db.compliance.Tables.COMPLIANCE_EVENTS;
        UUID room = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 0, ZoneOffset.UTC);
        dsl.insertInto(events)
                .set(events.EVENT_TYPE, "CHAT").set(events.USER_URI, "sip:alice@example.com")
                .set(events.ROOM_ID, room).set(events.ROOM_URI, "ma-chan://example.com/" + room)
                .set(events.OCCURRED_AT, at).set(events.CONTENT, "hello").set(events.MESSAGE_ID, 7L)
                .set(events.NODE_ID, "node-1").set(events.IDEMPOTENCY_KEY, "chat-7")
                .execute();

        ComplianceEventsRecord read = dsl.selectFrom(events).fetchSingle();

        assertThat(read.getRoomId()).isEqualTo(room);
        assertThat(read.getOccurredAt().toInstant()).isEqualTo(at.toInstant());
        assertThat(read.getMessageId()).isEqualTo(7L);
    }

    private static MigrateResult migrate(DataSource dataSource, String location) {
        MigrateResult result = Flyway.configure().dataSource(dataSource).locations(location)
                .failOnMissingLocations(true).load().migrate();
        assertThat(result.migrationsExecuted).as("migrations applied to a fresh database").isPositive();
        return result;
    }

    private DSLContext dsl(DataSource dataSource) {
        return DSL.using(dataSource, dialect(),
                new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED));
    }

    private static Map<String, Set<String>> columnsGenerated(Schema schema) {
        Map<String, Set<String>> columns = new TreeMap<>();
        for (Table<?> table : schema.getTables()) {
            Set<String> names = new TreeSet<>();
            for (Field<?> field : table.fields()) {
                names.add(field.getName().toLowerCase(Locale.ROOT));
            }
            columns.put(table.getName().toLowerCase(Locale.ROOT), names);
        }
        return columns;
    }

    private static Map<String, Set<String>> columnsInDatabase(DSLContext dsl) {
        Map<String, Set<String>> columns = new TreeMap<>();
        for (Schema schema : dsl.meta().getSchemas()) {
            if (!schema.getName().equalsIgnoreCase("public")) {
                continue;
            }
            for (Table<?> table : schema.getTables()) {
                String name = table.getName().toLowerCase(Locale.ROOT);
                if (name.startsWith("flyway_")) {
                    continue;
                }
                Set<String> names = new TreeSet<>();
                for (Field<?> field : table.fields()) {
                    names.add(field.getName().toLowerCase(Locale.ROOT));
                }
                columns.put(name, names);
            }
        }
        return columns;
    }
}
