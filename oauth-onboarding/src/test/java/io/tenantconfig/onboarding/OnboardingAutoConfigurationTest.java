package io.tenantconfig.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.tenantconfig.onboarding.flow.CurrentTenant;
import io.tenantconfig.onboarding.flow.OnboardingController;
import io.tenantconfig.onboarding.flow.OnboardingProblemHandler;
import io.tenantconfig.onboarding.flow.OnboardingStore;
import io.tenantconfig.onboarding.flow.TenantUser;
import io.tenantconfig.onboarding.lifecycle.TokenLifecycleJob;
import io.tenantconfig.onboarding.lifecycle.TokenLifecycleStore;
import io.tenantconfig.onboarding.meta.MetaGraphClient;
import io.tenantconfig.onboarding.meta.MetaProperties;
import io.tenantconfig.onboarding.state.OAuthStateService;
import io.tenantconfig.onboarding.state.OAuthStateStore;

/** Wiring only: the port beans here are never called. */
class OnboardingAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OnboardingAutoConfiguration.class));

    @Test
    void withoutPortsOnlyTheMetaClientIsWired() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(MetaGraphClient.class);
            assertThat(context).doesNotHaveBean(OAuthStateService.class);
            assertThat(context).doesNotHaveBean(OnboardingController.class);
            assertThat(context).doesNotHaveBean(TokenLifecycleJob.class);
        });
    }

    @Test
    void withAllPortsTheEndpointsAndTheJobAreWired() {
        withAllPorts().run(context -> {
            assertThat(context).hasSingleBean(OAuthStateService.class);
            assertThat(context).hasSingleBean(OnboardingController.class);
            assertThat(context).hasSingleBean(OnboardingProblemHandler.class);
            assertThat(context).hasSingleBean(TokenLifecycleJob.class);
        });
    }

    @Test
    void tokenRefreshCanBeSwitchedOff() {
        withAllPorts().withPropertyValues("tenant-config.meta.token-refresh.enabled=false").run(context -> {
            assertThat(context).hasSingleBean(OnboardingController.class);
            assertThat(context).doesNotHaveBean(TokenLifecycleJob.class);
        });
    }

    @Test
    void propertiesBindWithDefaults() {
        runner.withPropertyValues("tenant-config.meta.app-id=42", "tenant-config.meta.read-timeout=4s",
                "tenant-config.meta.allowed-redirect-uris=https://a.example.com/cb,https://b.example.com/cb")
                .run(context -> {
                    MetaProperties properties = context.getBean(MetaProperties.class);
                    assertThat(properties.getAppId()).isEqualTo("42");
                    assertThat(properties.getReadTimeout()).hasSeconds(4);
                    assertThat(properties.getAllowedRedirectUris()).hasSize(2);
                    assertThat(properties.getGraphUrl()).isEqualTo("https://graph.facebook.com");
                    assertThat(properties.getStateTtl()).hasMinutes(10);
                    assertThat(properties.getTokenRefresh().getWindow()).hasDays(10);
                    assertThat(properties.platformApp()).as("app secret not set").isNull();
                });
    }

    private ApplicationContextRunner withAllPorts() {
        return runner
                .withBean(OAuthStateStore.class, () -> mock(OAuthStateStore.class))
                .withBean(OnboardingStore.class, () -> mock(OnboardingStore.class))
                .withBean(TokenLifecycleStore.class, () -> mock(TokenLifecycleStore.class))
                .withBean(CurrentTenant.class, () -> () -> new TenantUser("acme", "alice"));
    }
}
