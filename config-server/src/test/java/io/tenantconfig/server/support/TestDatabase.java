package io.tenantconfig.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

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
        }
        return postgres;
    }

    public static DataSource dataSource() {
        return postgres().getPostgresDatabase();
    }

    public static String jdbcUrl() {
        return postgres().getJdbcUrl("postgres", "postgres");
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
