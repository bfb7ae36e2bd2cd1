package org.pchat.db;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.BeforeEach;

/** The migrations and the generated classes agree on a fresh embedded H2 database. */
class MigrationsAgreeWithGeneratedCodeTest extends MigrationsAgreeWithGeneratedCodeContract {

    private DataSource content;
    private DataSource compliance;

    @BeforeEach
    void freshDatabases() {
        content = memory("content");
        compliance = memory("compliance");
    }

    @Override
    protected DataSource contentDataSource() {
        return content;
    }

    @Override
    protected DataSource complianceDataSource() {
        return compliance;
    }

    @Override
    protected SQLDialect dialect() {
        return SQLDialect.H2;
    }

    private static DataSource memory(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return dataSource;
    }
}
