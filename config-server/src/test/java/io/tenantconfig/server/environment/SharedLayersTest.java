package io.tenantconfig.server.environment;

import java.util.Map;

import io.tenantconfig.server.crypto.SecretCipher;
import io.tenantconfig.server.support.TenantConfigServerTest;
import io.tenantconfig.server.support.TestRows;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.config.environment.Environment;
import org.springframework.cloud.config.environment.PropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cached answers of different tenants hold the shared layers as one object, not a copy each: the cache bound is
 * in tenants, so per-tenant copies of the shared defaults are what filled the heap at 100k tenants.
 */
@TenantConfigServerTest
class SharedLayersTest {

    @Autowired
    SharedDefaults sharedDefaults;

    @Autowired
    SecretCipher cipher;

    @Autowired
    org.springframework.core.env.Environment serverEnvironment;

    final TestRows rows = new TestRows();

    @Test
    void tenantsShareTheSharedAndFallbackLayersButNotTheirOwn() {
        rows.standardSharedDefaults();
        rows.jdbc().update("DELETE FROM tenant_configs WHERE tenant_id IN ('share-a', 'share-b')");
        rows.tenant("share-a", true, "a-phone", null, cipher.encrypt("token-of-share-a"));
        rows.tenant("share-b", true, "b-phone", null, cipher.encrypt("token-of-share-b"));
        sharedDefaults.clear();
        DecryptingEnvironmentRepository repository = new DecryptingEnvironmentRepository(
                new TenantEnvironmentRepository(rows.jdbc(), sharedDefaults, serverEnvironment,
                        new TenantEnvironmentProperties()),
                cipher);

        Environment a = repository.findOne("share-a", "default", null);
        Environment b = repository.findOne("share-b", "default", null);

        assertThat(source(a, "application")).isSameAs(source(b, "application"));
        assertThat(source(a, "environment")).isSameAs(source(b, "environment"));
        assertThat(source(a, "share-a").get("whatsapp.access-token")).isEqualTo("token-of-share-a");
        assertThat(source(b, "share-b").get("whatsapp.access-token")).isEqualTo("token-of-share-b");
    }

    private static Map<?, ?> source(Environment environment, String name) {
        return environment.getPropertySources()
            .stream()
            .filter(source -> source.getName().equals(name))
            .map(PropertySource::getSource)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no source " + name + " in " + environment.getPropertySources()));
    }
}
