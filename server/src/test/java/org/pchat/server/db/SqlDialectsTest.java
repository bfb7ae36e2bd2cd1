package org.pchat.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

class SqlDialectsTest {

    @Test
    void h2UrlSelectsH2() {
        assertThat(SqlDialects.forJdbcUrl("jdbc:h2:file:./data/content")).isEqualTo(SQLDialect.H2);
    }

    @Test
    void postgresUrlSelectsPostgres() {
        assertThat(SqlDialects.forJdbcUrl("jdbc:postgresql://db:5432/pchat")).isEqualTo(SQLDialect.POSTGRES);
    }

    @Test
    void sqlServerUrlExplainsWhyItIsRefused() {
        assertThatThrownBy(() -> SqlDialects.forJdbcUrl("jdbc:sqlserver://db:1433"))
                .hasMessageContaining("SQL Server")
                .hasMessageContaining("jOOQ's open-source edition has no SQL Server dialect");
    }
}
