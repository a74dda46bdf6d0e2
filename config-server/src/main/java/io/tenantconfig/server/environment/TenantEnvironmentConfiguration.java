package io.tenantconfig.server.environment;

import javax.sql.DataSource;

import io.tenantconfig.server.crypto.SecretCipher;
import io.tenantconfig.server.security.TenantPrincipalResolver;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.config.server.environment.EnvironmentRepository;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Wires the backend as {@code TenantAccess → Caching → Decrypting → TenantEnvironmentRepository}. Only the
 * outermost decorator is an {@code EnvironmentRepository} bean, so Spring Cloud Config serves exactly that chain
 * and its default git backend stays off.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TenantEnvironmentProperties.class)
class TenantEnvironmentConfiguration {

    /** Prefix of the tags of Spring Cloud Config's {@code spring.cloud.config.environment.find} observation. */
    static final String CONFIG_BACKEND_TAG = "spring.cloud.config.environment.";

    @Bean
    SharedDefaults sharedDefaults(JdbcTemplate jdbc, TenantEnvironmentProperties properties) {
        return new SharedDefaults(jdbc, properties);
    }

    @Bean
    ConfigAnswerCache configAnswerCache(TenantEnvironmentProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        ConfigAnswerCache answers = new ConfigAnswerCache(properties.answerCacheBytes(),
                properties.getCacheTtl());
        meters.ifAvailable(registry -> CaffeineCacheMetrics.monitor(registry, answers.cache(), "config-answers"));
        return answers;
    }

    @Bean
    TenantEnvironmentCache tenantEnvironmentCache(SharedDefaults sharedDefaults, ConfigAnswerCache answers,
            TenantEnvironmentProperties properties) {
        return new TenantEnvironmentCache(sharedDefaults, answers, properties);
    }

    @Bean
    TenantAccessEnvironmentRepository tenantEnvironmentRepository(JdbcTemplate jdbc, SharedDefaults sharedDefaults,
            Environment serverEnvironment, TenantEnvironmentProperties properties, SecretCipher cipher,
            TenantEnvironmentCache cache, TenantPrincipalResolver principals) {
        TenantEnvironmentRepository repository = new TenantEnvironmentRepository(jdbc, sharedDefaults,
                serverEnvironment, properties);
        EnvironmentRepository decrypting = new DecryptingEnvironmentRepository(repository, cipher);
        return new TenantAccessEnvironmentRepository(new CachingEnvironmentRepository(decrypting, cache), properties,
                principals);
    }

    /**
     * Config answers are written as JSON once, then replayed by a filter right behind Spring Security (the hot read
     * path), so a warm request skips Spring MVC as well as the backend; a miss routed to the controller's JSON
     * methods is answered by the controller without the rest of Spring MVC.
     */
    @Bean
    FilterRegistrationBean<ConfigAnswerFilter> configAnswerFilter(ConfigAnswerCache answers,
            TenantAccessEnvironmentRepository access, SecurityFilterProperties securityFilter,
            ObjectProvider<DispatcherServlet> dispatcher, ObjectProvider<RequestMappingHandlerAdapter> adapter,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver,
            ObjectProvider<ResponseBodyAdvice<?>> bodyAdvice) {
        ConfigAnswerWriter writer = new ConfigAnswerWriter(dispatcher, adapter, exceptionResolver, bodyAdvice);
        FilterRegistrationBean<ConfigAnswerFilter> registration = new FilterRegistrationBean<>(
                new ConfigAnswerFilter(answers, access, writer));
        registration.setOrder(securityFilter.getOrder() + 1);
        return registration;
    }

    /**
     * Spring Cloud Config times every backend call ({@code spring.cloud.config.environment.find}) with the requested
     * application, profiles and label as meter tags: one timer and one long-task timer per tenant, never removed.
     * With 100k tenants that was 113k timers and most of the live heap in the benchmark, and the profiles and label
     * come from the URL, so any caller could add meters without bound. The timers stay, tagged by backend class only.
     */
    @Bean
    MeterFilter configBackendTimersWithoutRequestTags() {
        return MeterFilter.ignoreTags(CONFIG_BACKEND_TAG + "application", CONFIG_BACKEND_TAG + "profile",
                CONFIG_BACKEND_TAG + "label");
    }

    @Bean
    ConfigChangeListener configChangeListener(DataSource dataSource, TenantEnvironmentCache cache,
            TenantEnvironmentProperties properties) {
        return new ConfigChangeListener(dataSource, cache, properties);
    }
}
