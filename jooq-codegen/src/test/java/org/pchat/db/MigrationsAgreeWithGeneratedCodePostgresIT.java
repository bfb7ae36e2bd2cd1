package org.pchat.db;

import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.postgresql.ds.PGSimpleDataSource;

/** The migrations and the generated classes agree on fresh PostgreSQL databases. */
class MigrationsAgreeWithGeneratedCodePostgresIT extends MigrationsAgreeWithGeneratedCodeContract {

    private PostgresTestDatabase contentDb;
    private PostgresTestDatabase complianceDb;

    @BeforeEach
    void freshDatabases() {
        contentDb = PostgresTestDatabase.create("pchat_codegen_content");
        complianceDb = PostgresTestDatabase.create("pchat_codegen_compliance");
    }

    @AfterEach
    void dropDatabases() throws Exception {
        contentDb.close();
        complianceDb.close();
    }

    @Override
    protected DataSource contentDataSource() {
        return dataSource(contentDb);
    }

    @Override
    protected DataSource complianceDataSource() {
        return dataSource(complianceDb);
    }

    @Override
    protected SQLDialect dialect() {
        return SQLDialect.POSTGRES;
    }

    private static DataSource dataSource(PostgresTestDatabase db) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(db.url());
        dataSource.setUser(db.user());
        dataSource.setPassword(db.password());
        return dataSource;
    }
}
