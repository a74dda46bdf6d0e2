package io.tenantconfig.server.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** Embedded mode: a real PostgreSQL whose data directory survives restarts; stopped when the context closes. */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDataSourceUrlCondition.class)
public class EmbeddedPostgresConfiguration {

    private static final Log logger = LogFactory.getLog(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${" + EmbeddedModeEnvironmentPostProcessor.DATA_DIR + "}") String dataDir) {
        Path data = Path.of(dataDir);
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .start();
            logger.info("Embedded mode: PostgreSQL data in " + data + "; service user 'config', password in "
                    + data.getParent().resolve("service-password") + " (set SPRING_DATASOURCE_URL to use your own database)");
            return postgres;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL in " + data, ex);
        }
    }

    /** Binds {@code spring.datasource.hikari.*} (e.g. the connection timeout) as Boot's own pool would. */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }
}
