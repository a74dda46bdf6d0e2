package io.tenantconfig.server.environment;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.cloud.config.environment.Environment;

import static org.assertj.core.api.Assertions.assertThat;

class TenantEnvironmentCacheTest {

    private final TenantEnvironmentCache cache = new TenantEnvironmentCache(
            new SharedDefaults(null, new TenantEnvironmentProperties()), new ConfigAnswerCache(1024 * 1024, Duration.ofMinutes(10)),
            new TenantEnvironmentProperties());

    private final AtomicInteger loads = new AtomicInteger();

    @Test
    void warmAnswerIsServedWithoutLoadingAgain() {
        Environment first = cache.get("acme", "default", null, this::load);
        Environment second = cache.get("acme", "default", null, this::load);

        assertThat(second).isSameAs(first);
        assertThat(loads).hasValue(1);
    }

    @Test
    void evictionForgetsOnlyThatTenant() {
        cache.get("acme", "default", null, this::load);
        cache.get("globex", "default", null, this::load);

        cache.evict("acme");
        cache.get("acme", "default", null, this::load);
        cache.get("globex", "default", null, this::load);

        assertThat(loads).hasValue(3);
    }

    @Test
    void loadOverlappingAnEvictionIsNotKept() {
        Environment stale = cache.get("acme", "default", null, () -> {
            cache.evict("acme"); // a write commits while this load is reading
            return load();
        });
        Environment next = cache.get("acme", "default", null, this::load);

        assertThat(next).isNotSameAs(stale);
        assertThat(loads).hasValue(2);
    }

    private Environment load() {
        loads.incrementAndGet();
        return new Environment("acme", "default");
    }
}
