package io.tenantconfig.client.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.tenantconfig.client.tenant.TenantContext;
import io.tenantconfig.client.tenant.TenantResolver;

class TenantResolverAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(TenantConfigAutoConfiguration.class, TenantResolverAutoConfiguration.class));

    @Test
    void noResolverWithoutAServerUrl() {
        runner.run(context -> assertThat(context).doesNotHaveBean(TenantResolver.class));
    }

    @Test
    void defaultResolverPrefersTheExplicitContextOverTheConfiguredHeader() {
        runner.withPropertyValues("tenant.config.server-url=http://config:8888", "tenant.config.tenant.header=X-Org")
                .run(context -> {
                    TenantResolver resolver = context.getBean(TenantResolver.class);
                    MockHttpServletRequest request = new MockHttpServletRequest();
                    request.addHeader("X-Org", "from-header");
                    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
                    try {
                        assertThat(resolver.resolve()).contains("from-header");
                        assertThat(TenantContext.callAs("explicit", resolver::resolve)).contains("explicit");
                    }
                    finally {
                        RequestContextHolder.resetRequestAttributes();
                    }
                    assertThat(resolver.resolve()).isEmpty();
                });
    }

    @Test
    void withoutServletApiOnlyTheContextIsAsked() {
        runner.withPropertyValues("tenant.config.server-url=http://config:8888")
                .withClassLoader(new FilteredClassLoader("jakarta.servlet", "org.springframework.security"))
                .run(context -> {
                    TenantResolver resolver = context.getBean(TenantResolver.class);
                    assertThat(TenantContext.callAs("batch", resolver::resolve)).contains("batch");
                });
    }

    @Test
    void usersResolverReplacesOurs() {
        TenantResolver fixed = () -> Optional.of("fixed");
        runner.withPropertyValues("tenant.config.server-url=http://config:8888")
                .withBean(TenantResolver.class, () -> fixed)
                .run(context -> assertThat(context.getBean(TenantResolver.class)).isSameAs(fixed));
    }

    @Test
    void emptyHeaderNameFailsTheContext() {
        runner.withPropertyValues("tenant.config.server-url=http://config:8888", "tenant.config.tenant.header=")
                .run(context -> assertThat(context).hasFailed());
    }
}
