package io.tenantconfig.server.tenant;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Wiring of the tenant API outside its controllers: the OpenAPI description (served at {@code /v3/api-docs},
 * browsable at {@code /swagger-ui.html}) with its bearer scheme, and the body size limit.
 */
@Configuration(proxyBeanMethods = false)
class TenantApiDocumentation {

    static final String BEARER_SCHEME = "bearer-jwt";

    @Bean
    OpenAPI tenantConfigOpenApi() {
        return new OpenAPI()
            .info(new Info().title("Tenant Config Server")
                .version("v1")
                .description("Tenant REST API (/api/v1/tenant): bearer JWT, the tenant taken from the token's "
                        + "tenant claim, errors as RFC 9457 problem details. The config protocol "
                        + "(/{tenant}/{profile}) is Spring Cloud Config's and needs service credentials."))
            .components(new Components().addSecuritySchemes(BEARER_SCHEME, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description("JWT signed with the configured key; claims tenant_id and roles (names configurable)")));
    }

    /** Ahead of Spring Security, so an oversized body is refused before anything reads it. */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> tenantApiBodyLimit() {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter());
        registration.addUrlPatterns("/api/v1/tenant/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
