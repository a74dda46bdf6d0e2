package io.tenantconfig.server.environment;

import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.cloud.config.environment.Environment;

/**
 * The bounded store behind {@link CachingEnvironmentRepository}, a bean of its own so local writers and the
 * NOTIFY listener can evict without being config backends themselves.
 */
public class TenantEnvironmentCache {

    private final SharedDefaults sharedDefaults;

    private final Cache<Key, Environment> cache;

    public TenantEnvironmentCache(SharedDefaults sharedDefaults, TenantEnvironmentProperties properties) {
        this.sharedDefaults = sharedDefaults;
        this.cache = Caffeine.newBuilder()
            .maximumSize(properties.getMaxTenants())
            .expireAfterWrite(properties.getCacheTtl())
            .build();
    }

    /** Failures are not cached: Caffeine stores nothing when the loader throws. */
    Environment get(String application, String profile, String label, Supplier<Environment> loader) {
        return cache.get(new Key(application, profile, label), key -> loader.get());
    }

    /** Forgets one application's answers; a change to the shared rows forgets everything. */
    public void evict(String application) {
        if (ConfigRequest.SHARED_APPLICATION.equals(application)) {
            evictAll();
            return;
        }
        cache.asMap().keySet().removeIf(key -> key.application().equals(application));
    }

    public void evictAll() {
        sharedDefaults.clear();
        cache.invalidateAll();
    }

    private record Key(String application, String profile, String label) {
    }
}
