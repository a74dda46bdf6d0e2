package io.tenantconfig.client.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

import io.tenantconfig.client.config.TenantConfigLoader;
import io.tenantconfig.client.metrics.TenantClientMetrics;
import io.tenantconfig.client.whatsapp.RetryPolicy;
import io.tenantconfig.client.whatsapp.WhatsAppClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tenant-aware {@link WhatsAppClient}.
 */
@AutoConfiguration(after = TenantConfigAutoConfiguration.class)
@ConditionalOnClass(RestClient.class)
@ConditionalOnBean(TenantConfigLoader.class)
public final class WhatsAppClientAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RetryPolicy whatsAppRetryPolicy(TenantConfigProperties properties) {
        TenantConfigProperties.Retry retry = properties.getRetry();
        return new RetryPolicy(retry.getMaxAttempts(), retry.getBaseBackoff(), retry.getMaxBackoff());
    }

    @Bean
    @ConditionalOnMissingBean
    WhatsAppClient whatsAppClient(TenantConfigLoader loader, TenantConfigProperties properties,
            RetryPolicy whatsAppRetryPolicy, TenantClientMetrics metrics, ObjectProvider<RestClient.Builder> builders,
            ObjectProvider<JsonMapper> mappers) {
        return new WhatsAppClient(loader, HttpClients.builder(builders, properties).build(),
                HttpClients.jsonMapper(mappers), properties.getGraph().getUrl(), properties.getGraph().getApiVersion(),
                whatsAppRetryPolicy, metrics);
    }
}
