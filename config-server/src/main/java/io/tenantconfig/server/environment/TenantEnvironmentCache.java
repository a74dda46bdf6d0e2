package io.tenantconfig.server.environment;

import java.util.concurrent.atomic.AtomicLong;
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

    /**
     * Counts evictions. A load that overlapped an eviction may have read the database before the change it
     * announces committed; its answer is handed to its caller but not kept, or it would outlive the eviction.
     */
    private final AtomicLong evictions = new AtomicLong();

    public TenantEnvironmentCache(SharedDefaults sharedDefaults, TenantEnvironmentProperties properties) {
        this.sharedDefaults = sharedDefaults;
        this.cache = Caffeine.newBuilder()
            .maximumSize(properties.getMaxTenants())
            .expireAfterWrite(properties.getCacheTtl())
            .build();
    }

    /** Failures are not cached: Caffeine stores nothing when the loader throws. */
    Environment get(String application, String profile, String label, Supplier<Environment> loader) {
        Key key = new Key(application, profile, label);
        Environment cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        long before = evictions.get();
        Environment loaded = cache.get(key, missing -> loader.get());
        if (evictions.get() != before) {
            cache.asMap().remove(key, loaded);
        }
        return loaded;
    }

    /** Forgets one application's answers; a change to the shared rows forgets everything. */
    public void evict(String application) {
        evictions.incrementAndGet();
        if (ConfigRequest.SHARED_APPLICATION.equals(application)) {
            evictAll();
            return;
        }
        cache.asMap().keySet().removeIf(key -> key.application().equals(application));
    }

    public void evictAll() {
        evictions.incrementAndGet();
        sharedDefaults.clear();
        cache.invalidateAll();
    }

    private record Key(String application, String profile, String label) {
    }
}
