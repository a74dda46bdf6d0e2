package io.tenantconfig.client.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;

import io.tenantconfig.client.config.TenantConfigLoader;
import io.tenantconfig.client.webhook.ConfiguredPhoneNumberLookup;
import io.tenantconfig.client.webhook.PhoneNumberTenantLookup;
import io.tenantconfig.client.webhook.WebhookRouter;
import io.tenantconfig.client.webhook.WebhookVerifier;
import io.tenantconfig.client.webhook.WhatsAppWebhookController;
import io.tenantconfig.client.webhook.WhatsAppWebhookHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook helpers (verifier, router) and, when {@code tenant.config.webhook.enabled=true} in a servlet app, the
 * endpoint {@code /webhooks/whatsapp/{tenant}}.
 */
@AutoConfiguration(after = TenantConfigAutoConfiguration.class)
@ConditionalOnBean(TenantConfigLoader.class)
public final class WebhookAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    WebhookVerifier webhookVerifier(TenantConfigLoader loader) {
        return new WebhookVerifier(loader);
    }

    @Bean
    @ConditionalOnMissingBean
    PhoneNumberTenantLookup phoneNumberTenantLookup(TenantConfigProperties properties) {
        return new ConfiguredPhoneNumberLookup(properties.getWebhook().getPhoneNumbers());
    }

    @Bean
    @ConditionalOnMissingBean
    WebhookRouter webhookRouter(PhoneNumberTenantLookup lookup, TenantConfigLoader loader,
            ObjectProvider<JsonMapper> mappers) {
        return new WebhookRouter(lookup, loader, HttpClients.jsonMapper(mappers));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(DispatcherServlet.class)
    @ConditionalOnProperty(prefix = TenantConfigProperties.PREFIX + ".webhook", name = "enabled", havingValue = "true")
    static class WebhookEndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        WhatsAppWebhookController whatsAppWebhookController(WebhookVerifier verifier, WebhookRouter router,
                ObjectProvider<WhatsAppWebhookHandler> handlers) {
            return new WhatsAppWebhookController(verifier, router, handlers.orderedStream().toList());
        }
    }
}
