package io.tenantconfig.client.autoconfigure;

import java.time.Clock;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

import io.tenantconfig.client.config.ConfigServerClient;
import io.tenantconfig.client.config.LocalWhatsAppSettings;
import io.tenantconfig.client.config.PropertyKeys;
import io.tenantconfig.client.config.TenantConfigLoader;
import io.tenantconfig.client.metrics.MicrometerTenantClientMetrics;
import io.tenantconfig.client.metrics.TenantClientMetrics;

/**
 * The tenant config loader: server client, per-tenant cache, metrics.
 */
@AutoConfiguration(after = { JacksonAutoConfiguration.class, RestClientAutoConfiguration.class },
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({ RestClient.class, Caffeine.class })
@ConditionalOnConfigServerUrl
@EnableConfigurationProperties(TenantConfigProperties.class)
public final class TenantConfigAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TenantClientMetrics tenantClientMetrics(ObjectProvider<MeterRegistry> registries) {
        MeterRegistry registry = registries.getIfUnique();
        return registry == null ? TenantClientMetrics.NONE : new MicrometerTenantClientMetrics(registry);
    }

    @Bean
    @ConditionalOnMissingBean
    ConfigServerClient configServerClient(TenantConfigProperties properties,
            ObjectProvider<RestClient.Builder> builders, ObjectProvider<tools.jackson.databind.json.JsonMapper> mappers) {
        RestClient.Builder builder = HttpClients.builder(builders, properties);
        if (StringUtils.hasText(properties.getToken())) {
            builder.defaultHeaders(headers -> headers.setBearerAuth(properties.getToken()));
        }
        else if (StringUtils.hasText(properties.getUsername())) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION,
                    "Basic " + HttpHeaders.encodeBasicAuth(properties.getUsername(), properties.getPassword(), null));
        }
        return new ConfigServerClient(properties.serverUris(), builder.build(), HttpClients.jsonMapper(mappers),
                properties.getProfile(), properties.getLabel());
    }

    @Bean
    @ConditionalOnMissingBean
    TenantConfigLoader tenantConfigLoader(ConfigServerClient configServerClient, TenantConfigProperties properties,
            TenantClientMetrics metrics, Environment environment) {
        LocalWhatsAppSettings local = new LocalWhatsAppSettings(environment.getProperty(PropertyKeys.PHONE_NUMBER_ID),
                environment.getProperty(PropertyKeys.ACCESS_TOKEN));
        return new TenantConfigLoader(configServerClient, local, properties.getCache().getTtl(),
                properties.getCache().getMaxTenants(), properties.isFallbackToLocal(),
                properties.getOutageRetryInterval(), metrics, Clock.systemUTC());
    }
}
