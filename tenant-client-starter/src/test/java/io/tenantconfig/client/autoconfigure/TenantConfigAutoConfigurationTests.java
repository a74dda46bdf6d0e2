package io.tenantconfig.client.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.benmanes.caffeine.cache.Caffeine;

import io.tenantconfig.client.config.ConfigServerClient;
import io.tenantconfig.client.config.LocalWhatsAppSettings;
import io.tenantconfig.client.config.TenantConfigLoader;
import io.tenantconfig.client.metrics.MicrometerTenantClientMetrics;
import io.tenantconfig.client.metrics.TenantClientMetrics;

class TenantConfigAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TenantConfigAutoConfiguration.class));

    @Test
    void staysOffWithoutAServerUrl() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(TenantConfigLoader.class);
            assertThat(context).doesNotHaveBean(ConfigServerClient.class);
            assertThat(context).doesNotHaveBean(TenantConfigProperties.class);
        });
    }

    @Test
    void serverUrlIsAllItTakes() {
        runner.withPropertyValues("tenant.config.server-url=http://config:8888").run(context -> {
            assertThat(context).hasSingleBean(TenantConfigLoader.class);
            assertThat(context).hasSingleBean(ConfigServerClient.class);
            assertThat(context.getBean(TenantClientMetrics.class)).isSameAs(TenantClientMetrics.NONE);
        });
    }

    @Test
    void emptyCredentialsFromUnsetEnvironmentVariablesMeanNoCredentials() {
        runner.withPropertyValues("tenant.config.server-url=http://config:8888", "tenant.config.username=",
                "tenant.config.password=").run(context -> assertThat(context).hasSingleBean(TenantConfigLoader.class));
    }

    @Test
    void serverUrlListAloneActivatesItToo() {
        runner.withPropertyValues("tenant.config.server-urls[0]=http://a:8888", "tenant.config.server-urls[1]=http://b")
                .run(context -> {
                    assertThat(context).hasSingleBean(TenantConfigLoader.class);
                    assertThat(context.getBean(TenantConfigProperties.class).serverUris()).hasSize(2);
                });
    }

    @Test
    void micrometerMetricsWhenTheAppHasARegistry() {
        runner.withPropertyValues("tenant.config.server-url=http://config:8888")
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> assertThat(context).getBean(TenantClientMetrics.class)
                        .isInstanceOf(MicrometerTenantClientMetrics.class));
    }

    @Test
    void usersLoaderReplacesOurs() {
        runner.withPropertyValues("tenant.config.server-url=http://config:8888")
                .withUserConfiguration(OwnLoader.class).run(context -> {
                    assertThat(context).hasSingleBean(TenantConfigLoader.class);
                    assertThat(context.getBean(TenantConfigLoader.class)).isSameAs(OwnLoader.LOADER);
                });
    }

    @Test
    void staysOffWithoutCaffeine() {
        runner.withPropertyValues("tenant.config.server-url=http://config:8888")
                .withClassLoader(new FilteredClassLoader(Caffeine.class))
                .run(context -> assertThat(context).doesNotHaveBean(TenantConfigLoader.class));
    }

    @Test
    void invalidSettingsFailTheContext() {
        String url = "tenant.config.server-url=http://config:8888";
        runner.withPropertyValues("tenant.config.server-url=ftp://config").run(context -> assertThat(context)
                .hasFailed().getFailure().rootCause().hasMessageContaining("http(s) URL"));
        runner.withPropertyValues(url, "tenant.config.retry.max-attempts=0")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues(url, "tenant.config.cache.ttl=0s").run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues(url, "tenant.config.outage-retry-interval=-1s").run(context -> assertThat(context)
                .hasFailed().getFailure().rootCause().hasMessageContaining("outage-retry-interval"));
        runner.withPropertyValues(url, "tenant.config.token=t", "tenant.config.username=u",
                "tenant.config.password=p").run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues(url, "tenant.config.username=u").run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues(url, "tenant.config.password=secret-pw").run(context -> assertThat(context)
                .hasFailed().getFailure().rootCause().message().doesNotContain("secret-pw"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnLoader {

        static final TenantConfigLoader LOADER = new TenantConfigLoader(
                new ConfigServerClient(java.util.List.of(java.net.URI.create("http://own")),
                        org.springframework.web.client.RestClient.create(), tools.jackson.databind.json.JsonMapper
                                .builder().build(), "default", null),
                LocalWhatsAppSettings.NONE, java.time.Duration.ofMinutes(1), 10, false, TenantClientMetrics.NONE);

        @Bean
        TenantConfigLoader ownLoader() {
            return LOADER;
        }
    }
}
