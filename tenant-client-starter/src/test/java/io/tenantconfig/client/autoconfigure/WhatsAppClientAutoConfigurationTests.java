package io.tenantconfig.client.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.tenantconfig.client.whatsapp.RetryPolicy;
import io.tenantconfig.client.whatsapp.WhatsAppClient;

class WhatsAppClientAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(TenantConfigAutoConfiguration.class, WhatsAppClientAutoConfiguration.class));

    @Test
    void noClientWithoutALoader() {
        runner.run(context -> assertThat(context).doesNotHaveBean(WhatsAppClient.class));
    }

    @Test
    void clientAndRetryPolicyFromProperties() {
        runner.withPropertyValues("tenant.config.server-url=http://config:8888", "tenant.config.retry.max-attempts=5",
                "tenant.config.retry.base-backoff=50ms").run(context -> {
                    assertThat(context).hasSingleBean(WhatsAppClient.class);
                    assertThat(context.getBean(RetryPolicy.class))
                            .isEqualTo(new RetryPolicy(5, Duration.ofMillis(50), Duration.ofSeconds(5)));
                });
    }

    @Test
    void usersRetryPolicyReplacesOurs() {
        RetryPolicy own = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
        runner.withPropertyValues("tenant.config.server-url=http://config:8888")
                .withBean(RetryPolicy.class, () -> own)
                .run(context -> assertThat(context.getBean(RetryPolicy.class)).isSameAs(own));
    }

    @Test
    void usersClientReplacesOurs() {
        runner.withPropertyValues("tenant.config.server-url=http://config:8888")
                .withBean("ownClient", WhatsAppClient.class, () -> Mockito.mock(WhatsAppClient.class))
                .run(context -> assertThat(context).hasSingleBean(WhatsAppClient.class)
                        .hasBean("ownClient").doesNotHaveBean("whatsAppClient"));
    }

    @Test
    void graphUrlAndVersionStayUnsetUnlessTheAppSetsThemSoTheServersValuesCanApply() {
        runner.withPropertyValues("tenant.config.server-url=http://config:8888").run(context -> {
            assertThat(context).hasSingleBean(WhatsAppClient.class);
            TenantConfigProperties.Graph graph = context.getBean(TenantConfigProperties.class).getGraph();
            assertThat(graph.getUrl()).isNull();
            assertThat(graph.getApiVersion()).isNull();
        });
    }

    @Test
    void invalidGraphUrlFailsTheContext() {
        runner.withPropertyValues("tenant.config.server-url=http://config:8888", "tenant.config.graph.url=graph")
                .run(context -> assertThat(context).hasFailed());
    }
}
