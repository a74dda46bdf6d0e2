package io.tenantconfig.server.environment;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.cloud.config.environment.Environment;

/**
 * The bounded store behind {@link CachingEnvironmentRepository}, a bean of its own so local writers and the
 * NOTIFY listener can evict without being config backends themselves. Entries are grouped by application (one
 * group per tenant, bounded by {@code max-tenants}), so evicting a tenant after a write drops its group in
 * constant time instead of walking every cached key. Evicting here also evicts the written answers of
 * {@link ConfigAnswerCache}.
 */
public class TenantEnvironmentCache {

    private final SharedDefaults sharedDefaults;

    private final ConfigAnswerCache answers;

    private final Cache<String, Map<Request, Environment>> byApplication;

    /**
     * Counts evictions. A load that overlapped an eviction may have read the database before the change it
     * announces committed; its answer is handed to its caller but not kept, or it would outlive the eviction.
     */
    private final AtomicLong evictions = new AtomicLong();

    public TenantEnvironmentCache(SharedDefaults sharedDefaults, ConfigAnswerCache answers,
            TenantEnvironmentProperties properties) {
        this.sharedDefaults = sharedDefaults;
        this.answers = answers;
        this.byApplication = Caffeine.newBuilder()
            .maximumSize(properties.getMaxTenants())
            .expireAfterWrite(properties.getCacheTtl())
            .build();
    }

    /**
     * Concurrent first requests for one answer wait for a single load. Failures are not cached: nothing is stored
     * when the loader throws.
     */
    Environment get(String application, String profile, String label, Supplier<Environment> loader) {
        Request request = new Request(profile, label);
        Map<Request, Environment> answers = byApplication.get(application, missing -> new ConcurrentHashMap<>());
        Environment cached = answers.get(request);
        if (cached != null) {
            return cached;
        }
        long before = evictions.get();
        Environment loaded = answers.computeIfAbsent(request, missing -> loader.get());
        if (evictions.get() != before) {
            answers.remove(request, loaded);
        }
        return loaded;
    }

    /**
     * Forgets one application's environments, then the answers written from them (in that order, so an answer
     * written in between is either refused by the answer cache's own guard or dropped); a change to the shared rows
     * forgets everything.
     */
    public void evict(String application) {
        evictions.incrementAndGet();
        if (ConfigRequest.SHARED_APPLICATION.equals(application)) {
            evictAll();
            return;
        }
        byApplication.invalidate(application);
        answers.evict(application);
    }

    public void evictAll() {
        evictions.incrementAndGet();
        sharedDefaults.clear();
        byApplication.invalidateAll();
        answers.evictAll();
    }

    private record Request(String profile, String label) {
    }
}
