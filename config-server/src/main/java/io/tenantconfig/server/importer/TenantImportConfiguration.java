package io.tenantconfig.server.importer;

import io.tenantconfig.server.audit.ConfigAuditLog;
import io.tenantconfig.server.crypto.SecretCipher;
import io.tenantconfig.server.environment.TenantEnvironmentProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The importer, in the server and in the {@code import} command's own small context alike. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TenantEnvironmentProperties.class)
public class TenantImportConfiguration {

    @Bean
    TenantImporter tenantImporter(JdbcTemplate jdbc, PlatformTransactionManager transactions, SecretCipher cipher,
            ConfigAuditLog audit, TenantEnvironmentProperties environment) {
        return new TenantImporter(jdbc, new TransactionTemplate(transactions), cipher, audit, environment);
    }
}
