package io.tenantconfig.client.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

import io.tenantconfig.client.tenant.ChainedTenantResolver;
import io.tenantconfig.client.tenant.HeaderTenantResolver;
import io.tenantconfig.client.tenant.JwtClaimTenantResolver;
import io.tenantconfig.client.tenant.TenantContext;
import io.tenantconfig.client.tenant.TenantResolver;

/**
 * The default {@link TenantResolver}: {@link TenantContext} first, then the request header (in a servlet app),
 * then the JWT claim (when Spring Security's OAuth2 JWT support is on the classpath).
 */
@AutoConfiguration(after = TenantConfigAutoConfiguration.class)
@ConditionalOnConfigServerUrl
public final class TenantResolverAutoConfiguration {

    private static final String SERVLET_REQUEST = "jakarta.servlet.http.HttpServletRequest";
    private static final String JWT = "org.springframework.security.oauth2.jwt.Jwt";

    @Bean
    @ConditionalOnMissingBean
    TenantResolver tenantResolver(TenantConfigProperties properties) {
        ClassLoader classLoader = getClass().getClassLoader();
        List<TenantResolver> chain = new ArrayList<>();
        chain.add(TenantContext::current);
        if (ClassUtils.isPresent(SERVLET_REQUEST, classLoader)) {
            chain.add(new HeaderTenantResolver(properties.getTenant().getHeader()));
        }
        if (ClassUtils.isPresent(JWT, classLoader)) {
            chain.add(new JwtClaimTenantResolver(properties.getTenant().getJwtClaim()));
        }
        return new ChainedTenantResolver(chain);
    }
}
