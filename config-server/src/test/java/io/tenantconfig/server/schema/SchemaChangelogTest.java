package io.tenantconfig.server.schema;

import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import io.tenantconfig.server.support.TenantConfigServerTest;
import io.tenantconfig.server.support.TestRows;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The latest changeset applies at start-up and rolls back through Liquibase, then applies again. */
@TenantConfigServerTest
class SchemaChangelogTest {

    private static final String MASTER = "db/changelog/db.changelog-master.yaml";

    @Autowired
    DataSource dataSource;

    final TestRows rows = new TestRows();

    private List<String> oauthStateIndexes() {
        return rows.jdbc().queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'oauth_states'",
                String.class);
    }

    @Test
    @SuppressWarnings("deprecation")
    void oauthStatesExpiryIndexRollsBackAndReapplies() throws Exception {
        assertThat(oauthStateIndexes()).contains("oauth_states_expires_at");

        try (Connection connection = dataSource.getConnection()) {
            Liquibase liquibase = new Liquibase(MASTER, new ClassLoaderResourceAccessor(),
                    new JdbcConnection(connection));
            liquibase.rollback(1, new Contexts(), new LabelExpression());
            assertThat(oauthStateIndexes()).doesNotContain("oauth_states_expires_at").contains("oauth_states_pkey");

            liquibase.update(new Contexts(), new LabelExpression());
        }
        assertThat(oauthStateIndexes()).contains("oauth_states_expires_at");
    }
}
