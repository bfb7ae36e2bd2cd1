package org.pchat.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {

    @Test
    void embeddedDefaultPutsBothH2DatabasesUnderTheDataDirectory() {
        DatabaseConfig config = DatabaseConfig.embedded(Path.of("/srv/pchat/data"));

        assertThat(config.contentUrl()).startsWith("jdbc:h2:file:/srv/pchat/data/content;")
                .contains("DB_CLOSE_ON_EXIT=FALSE");
        assertThat(config.complianceUrl()).startsWith("jdbc:h2:file:/srv/pchat/data/compliance;");
    }

    @Test
    void toStringMasksBothPasswords() {
        DatabaseConfig config = DatabaseConfig.of("jdbc:postgresql://db/content", "jdbc:postgresql://db/compliance",
                "pchat", "s3cret-value");

        assertThat(config.toString()).doesNotContain("s3cret-value").contains("contentPassword=****")
                .contains("compliancePassword=****");
    }

    @Test
    void sqlServerUrlIsRefusedNamingTheMissingDialect() {
        assertThatThrownBy(() -> DatabaseConfig.of("jdbc:sqlserver://db:1433;databaseName=pchat",
                "jdbc:postgresql://db/compliance", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("content database")
                .hasMessageContaining("jOOQ's open-source edition has no SQL Server dialect");
    }

    @Test
    void unknownDatabaseUrlIsRefused() {
        assertThatThrownBy(() -> DatabaseConfig.of("jdbc:mysql://db/content", "jdbc:h2:mem:x", "u", "p"))
                .hasMessageContaining("'jdbc:mysql:'").hasMessageContaining("is not supported");
    }

    @Test
    void poolSizeOutsideItsRangeIsRefusedNamingValueAndLimits() {
        assertThatThrownBy(() -> new DatabaseConfig("jdbc:h2:mem:a", "sa", "", "jdbc:h2:mem:b", "sa", "", 1,
                Duration.ofSeconds(5)))
                .hasMessage("database maxPoolSize is 1, allowed range is 2..200");
    }

    @Test
    void passwordInsideTheUrlIsRefusedSoItCannotLeakIntoLogs() {
        assertThatThrownBy(() -> DatabaseConfig.of("jdbc:postgresql://db/content?password=x",
                "jdbc:postgresql://db/compliance", "u", "p"))
                .hasMessageContaining("carries a password").hasMessageNotContaining("password=x");
    }
}
