package io.tenantconfig.onboarding;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.client.RestClient;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.tenantconfig.onboarding.flow.CurrentTenant;
import io.tenantconfig.onboarding.flow.OnboardingController;
import io.tenantconfig.onboarding.flow.OnboardingProblemHandler;
import io.tenantconfig.onboarding.flow.OnboardingService;
import io.tenantconfig.onboarding.flow.OnboardingStore;
import io.tenantconfig.onboarding.lifecycle.TokenLifecycleJob;
import io.tenantconfig.onboarding.lifecycle.TokenLifecycleStore;
import io.tenantconfig.onboarding.meta.MetaGraphClient;
import io.tenantconfig.onboarding.meta.MetaProperties;
import io.tenantconfig.onboarding.state.OAuthStateService;
import io.tenantconfig.onboarding.state.OAuthStateStore;

/**
 * Wires onboarding into an application that supplies the storage ports: the Meta client always, the
 * state service with an {@link OAuthStateStore}, the endpoints with an {@link OnboardingStore} and a
 * {@link CurrentTenant} as well, and the token refresh job with a {@link TokenLifecycleStore}.
 * Every bean can be replaced by declaring one of the same type.
 */
@AutoConfiguration(afterName = "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration")
@EnableConfigurationProperties(MetaProperties.class)
public final class OnboardingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MetaGraphClient metaGraphClient(ObjectProvider<RestClient.Builder> builder, MetaProperties properties) {
        return new MetaGraphClient(builder.getIfAvailable(RestClient::builder), properties);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(OAuthStateStore.class)
    OAuthStateService oauthStateService(OAuthStateStore store, MetaProperties properties,
            ObjectProvider<Clock> clock) {
        return new OAuthStateService(store, properties.getStateTtl(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean({ OAuthStateStore.class, OnboardingStore.class, CurrentTenant.class })
    static class OnboardingEndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        OnboardingService onboardingService(MetaGraphClient meta, OAuthStateService states, OnboardingStore store,
                MetaProperties properties, ObjectProvider<Clock> clock) {
            return new OnboardingService(meta, states, store, properties, clock.getIfAvailable(Clock::systemUTC));
        }

        @Bean
        @ConditionalOnMissingBean
        OnboardingController onboardingController(OnboardingService onboarding, CurrentTenant currentTenant) {
            return new OnboardingController(onboarding, currentTenant);
        }

        @Bean
        @ConditionalOnMissingBean
        OnboardingProblemHandler onboardingProblemHandler() {
            return new OnboardingProblemHandler();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(TokenLifecycleStore.class)
    @ConditionalOnProperty(prefix = "tenant-config.meta.token-refresh", name = "enabled", matchIfMissing = true)
    @EnableScheduling
    static class TokenLifecycleConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TokenLifecycleJob tokenLifecycleJob(TokenLifecycleStore store, MetaGraphClient meta,
                MetaProperties properties, ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters) {
            return new TokenLifecycleJob(store, meta, properties, clock.getIfAvailable(Clock::systemUTC),
                    meters.getIfAvailable(() -> Metrics.globalRegistry));
        }
    }
}
