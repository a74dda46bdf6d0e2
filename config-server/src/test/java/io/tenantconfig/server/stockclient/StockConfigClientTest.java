package io.tenantconfig.server.stockclient;

import java.util.ArrayList;
import java.util.List;

import io.tenantconfig.server.environment.TenantEnvironmentCache;
import io.tenantconfig.server.support.TenantConfigServerTest;
import io.tenantconfig.server.support.TestKeys;
import io.tenantconfig.server.support.TestRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The compatibility promise: an app that knows nothing of this product, only {@code spring-cloud-starter-config}
 * with {@code spring.config.import=configserver:...} and Basic credentials, boots against the server and sees the
 * tenant's values over the shared defaults over the server's environment.
 */
@TenantConfigServerTest
class StockConfigClientTest {

    private static final String TENANT = "stock-acme";

    @LocalServerPort
    int port;

    @Autowired
    TenantEnvironmentCache cache;

    final TestRows rows = new TestRows();

    @BeforeEach
    void tenant() {
        removeTenant();
        rows.standardSharedDefaults();
        rows.tenant(TENANT, true, "stock-acme-phone", "stock-acme-waba", null);
        rows.property(TENANT, "default", "messaging.rate-limit", "40");
        cache.evictAll();
    }

    @AfterEach
    void removeTenant() {
        rows.jdbc().update("DELETE FROM tenant_configs WHERE tenant_id = ?", TENANT);
        rows.jdbc().update("DELETE FROM config_properties WHERE application = ?", TENANT);
    }

    /**
     * Command-line arguments, because the server's own {@code application.yml} is on this test classpath and
     * would outrank default properties. Two more only undo what the server's libraries on this classpath do to
     * any app, and a real consumer does not need: the config server library switches the config client off
     * ({@code spring.cloud.config.enabled=false}) and the embedded-mode post-processor acts when no datasource
     * URL is named (none is used: the DataSource auto-configuration is excluded).
     */
    private ConfigurableApplicationContext startClient(String password) {
        List<String> args = new ArrayList<>(List.of("--spring.application.name=" + TENANT,
                "--spring.config.import=configserver:http://localhost:" + port,
                "--spring.cloud.config.username=" + TestKeys.SERVICE_USER,
                "--spring.cloud.config.password=" + password, "--spring.cloud.config.fail-fast=true",
                "--spring.cloud.config.enabled=true",
                "--spring.datasource.url=jdbc:postgresql://unused.invalid/none", "--spring.main.banner-mode=off"));
        return new SpringApplicationBuilder(StockClientApp.class).web(WebApplicationType.NONE)
            .run(args.toArray(String[]::new));
    }

    @Test
    void stockClientSeesTenantOverSharedDefaultsOverServerEnvironment() {
        try (ConfigurableApplicationContext client = startClient(TestKeys.SERVICE_PASSWORD)) {
            Environment environment = client.getEnvironment();

            assertThat(environment.getProperty("whatsapp.phone-number-id")).isEqualTo("stock-acme-phone");
            assertThat(environment.getProperty("messaging.rate-limit")).as("tenant beats shared default")
                .isEqualTo("40");
            assertThat(environment.getProperty("whatsapp.graph-url")).as("shared default")
                .isEqualTo("https://graph.facebook.com");
            assertThat(environment.getProperty("whatsapp.api-version")).as("shared default beats environment")
                .isEqualTo("v20.0");
            assertThat(environment.getProperty("whatsapp.access-token")).as("environment fallback")
                .isEqualTo("env-access-token");
            assertThat(environment.getProperty("tenant.config-source")).isEqualTo("database");
        }
    }

    @Test
    void failFastWithAWrongPasswordStopsTheClientClearly() {
        assertThatThrownBy(() -> startClient("wrong-password").close())
            .hasStackTraceContaining("fail fast")
            .hasStackTraceContaining("401");
    }

    /**
     * The consuming app. Deliberately not a {@code @SpringBootConfiguration}: that would be found by the server
     * tests' configuration search and by the component scan of a server started by hand in these packages.
     * The server-side auto-configurations that come with the test classpath are excluded.
     */
    @EnableAutoConfiguration(excludeName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.cloud.config.server.config.ConfigServerAutoConfiguration",
            "io.tenantconfig.onboarding.OnboardingAutoConfiguration",
            "io.tenantconfig.client.autoconfigure.TenantConfigAutoConfiguration",
            "io.tenantconfig.client.autoconfigure.WhatsAppClientAutoConfiguration",
            "io.tenantconfig.client.autoconfigure.TenantResolverAutoConfiguration",
            "io.tenantconfig.client.autoconfigure.WebhookAutoConfiguration" })
    static class StockClientApp {
    }
}
