package io.tenantconfig.server.schema;

import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import io.tenantconfig.server.support.TenantConfigServerTest;
import io.tenantconfig.server.support.TestRows;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.FastCheckService;
import liquibase.Liquibase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The latest changeset applies at start-up and rolls back through Liquibase, then applies again. */
@TenantConfigServerTest
class SchemaChangelogTest {

    private static final String MASTER = "db/changelog/db.changelog-master.yaml";

    private static final String CHANGESET = "002-oauth-states-expires-at";

    @Autowired
    DataSource dataSource;

    final TestRows rows = new TestRows();

    private List<String> oauthStateIndexes() {
        return rows.jdbc().queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'oauth_states'",
                String.class);
    }

    @SuppressWarnings("deprecation")
    private static Liquibase liquibase(Connection connection) throws LiquibaseException {
        return new Liquibase(MASTER, new ClassLoaderResourceAccessor(), new JdbcConnection(connection));
    }

    @Test
    void oauthStatesExpiryIndexRollsBackAndReapplies() throws Exception {
        assertThat(oauthStateIndexes()).contains("oauth_states_expires_at");

        try (Connection connection = dataSource.getConnection()) {
            liquibase(connection).rollback(1, new Contexts(), new LabelExpression());
        }
        assertThat(oauthStateIndexes()).doesNotContain("oauth_states_expires_at").contains("oauth_states_pkey");
        assertThat(rows.jdbc().queryForObject("SELECT count(*) FROM databasechangelog WHERE id = ?", Long.class,
                CHANGESET)).as("history row of the rolled back changeset").isZero();

        // Liquibase caches, per JVM, what has run and that the database is up to date; forget both, as a new
        // process would
        Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class).resetAll();
        Scope.getCurrentScope().getSingleton(FastCheckService.class).clearCache();
        try (Connection connection = dataSource.getConnection()) {
            liquibase(connection).update(new Contexts(), new LabelExpression());
        }
        assertThat(oauthStateIndexes()).contains("oauth_states_expires_at");
    }
}
