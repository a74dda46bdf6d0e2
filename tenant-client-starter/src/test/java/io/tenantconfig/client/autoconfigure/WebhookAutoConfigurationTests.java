package io.tenantconfig.client.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import io.tenantconfig.client.webhook.PhoneNumberTenantLookup;
import io.tenantconfig.client.webhook.WebhookRouter;
import io.tenantconfig.client.webhook.WebhookVerifier;
import io.tenantconfig.client.webhook.WhatsAppWebhookController;

class WebhookAutoConfigurationTests {

    private static final AutoConfigurations CONFIGS = AutoConfigurations.of(TenantConfigAutoConfiguration.class,
            WebhookAutoConfiguration.class);
    private static final String URL = "tenant.config.server-url=http://config:8888";

    private final WebApplicationContextRunner web = new WebApplicationContextRunner().withConfiguration(CONFIGS);

    @Test
    void nothingWithoutAServerUrl() {
        web.withPropertyValues("tenant.config.webhook.enabled=true").run(context -> {
            assertThat(context).doesNotHaveBean(WebhookVerifier.class);
            assertThat(context).doesNotHaveBean(WhatsAppWebhookController.class);
        });
    }

    @Test
    void helpersButNoEndpointUnlessEnabled() {
        web.withPropertyValues(URL).run(context -> {
            assertThat(context).hasSingleBean(WebhookVerifier.class);
            assertThat(context).hasSingleBean(WebhookRouter.class);
            assertThat(context).doesNotHaveBean(WhatsAppWebhookController.class);
        });
    }

    @Test
    void endpointWhenEnabledInAServletApp() {
        web.withPropertyValues(URL, "tenant.config.webhook.enabled=true")
                .run(context -> assertThat(context).hasSingleBean(WhatsAppWebhookController.class));
    }

    @Test
    void noEndpointOutsideAWebApp() {
        new ApplicationContextRunner().withConfiguration(CONFIGS)
                .withPropertyValues(URL, "tenant.config.webhook.enabled=true").run(context -> {
                    assertThat(context).hasSingleBean(WebhookVerifier.class);
                    assertThat(context).doesNotHaveBean(WhatsAppWebhookController.class);
                });
    }

    @Test
    void configuredPhoneNumbersRouteAndUsersLookupReplacesThem() {
        web.withPropertyValues(URL, "tenant.config.webhook.phone-numbers.1001=acme").run(context -> assertThat(
                context.getBean(PhoneNumberTenantLookup.class).tenantFor("1001")).contains("acme"));
        PhoneNumberTenantLookup own = phone -> Optional.of("own");
        web.withPropertyValues(URL).withBean(PhoneNumberTenantLookup.class, () -> own)
                .run(context -> assertThat(context.getBean(PhoneNumberTenantLookup.class)).isSameAs(own));
    }
}
