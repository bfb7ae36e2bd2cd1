package org.pchat.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchat.db.content.Tables.POOL_NODES;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabasesTest {

    @TempDir
    Path dataDir;

    @Test
    void migrateAppliesBothSchemasOnceAndReportsTheirVersions() {
        try (Databases databases = Databases.open(DatabaseConfig.embedded(dataDir))) {
            MigrationReport first = databases.migrate();
            MigrationReport second = databases.migrate();

            assertThat(first.contentApplied()).isPositive();
            assertThat(first.complianceApplied()).isPositive();
            assertThat(first.contentVersion()).isNotBlank();
            assertThat(second.contentApplied()).isZero();
            assertThat(second.complianceApplied()).isZero();
            assertThat(second.contentVersion()).isEqualTo(first.contentVersion());
        }
    }

    @Test
    void embeddedDatabasesAreFilesInTheDataDirectory() {
        try (Databases databases = Databases.open(DatabaseConfig.embedded(dataDir))) {
            databases.migrate();
        }

        assertThat(dataDir.resolve("content.mv.db")).exists();
        assertThat(dataDir.resolve("compliance.mv.db")).exists();
    }

    @Test
    void closeReleasesTheFilesSoTheDataSurvivesAReopen() {
        OffsetDateTime now = OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);
        try (Databases databases = Databases.open(DatabaseConfig.embedded(dataDir))) {
            databases.migrate();
            databases.content().insertInto(POOL_NODES)
                    .set(POOL_NODES.NODE_ID, "node-1").set(POOL_NODES.HOST, "localhost")
                    .set(POOL_NODES.SIP_PORT, 5070).set(POOL_NODES.POOL_PORT, 8011).set(POOL_NODES.HTTP_PORT, 8080)
                    .set(POOL_NODES.NODE_ROLE, "active").set(POOL_NODES.STARTED_AT, now)
                    .set(POOL_NODES.LAST_SEEN, now)
                    .execute();
        }

        try (Databases reopened = Databases.open(DatabaseConfig.embedded(dataDir))) {
            assertThat(reopened.migrate().contentApplied()).isZero();
            assertThat(reopened.content().fetchCount(POOL_NODES)).isEqualTo(1);
        }
    }

    @Test
    void closingTwiceIsHarmlessAndClosesBothPools() {
        Databases databases = Databases.open(DatabaseConfig.embedded(dataDir));
        databases.close();
        databases.close();

        assertThat(((HikariDataSource) databases.contentDataSource()).isClosed()).isTrue();
        assertThat(((HikariDataSource) databases.complianceDataSource()).isClosed()).isTrue();
    }
}
