package io.tenantconfig.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * One real PostgreSQL per test JVM, started on first use and shared by every Spring context, so no test pays
 * for a second server. Used as a context initializer: it points {@code spring.datasource.*} at that server.
 */
public final class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static EmbeddedPostgres postgres;

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            }
            catch (IOException ex) {
                throw new UncheckedIOException("Cannot start the test PostgreSQL", ex);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stop));
            migrate(postgres.getPostgresDatabase());
        }
        return postgres;
    }

    public static DataSource dataSource() {
        return postgres().getPostgresDatabase();
    }

    public static String jdbcUrl() {
        return postgres().getJdbcUrl("postgres", "postgres");
    }

    /**
     * Applies the server's changelog the way Boot does (same SpringLiquibase, same changelog path, so the server's
     * own run finds it up to date). Tests may then write rows before any Spring context exists, e.g. in a static
     * {@code @BeforeAll}, whatever order the classes run in.
     */
    private static void migrate(DataSource dataSource) {
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog("classpath:db/changelog/db.changelog-master.yaml");
        liquibase.setResourceLoader(new DefaultResourceLoader());
        try {
            liquibase.afterPropertiesSet();
        }
        catch (LiquibaseException ex) {
            throw new IllegalStateException("Cannot apply the schema to the test PostgreSQL", ex);
        }
    }

    private static void stop() {
        try {
            postgres.close();
        }
        catch (IOException ex) {
            // the JVM is exiting; nothing left to clean up
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase",
                Map.of("spring.datasource.url", jdbcUrl(), "spring.datasource.username", "postgres",
                        "tenant-config.dev-tokens.enabled", "false")));
    }
}
