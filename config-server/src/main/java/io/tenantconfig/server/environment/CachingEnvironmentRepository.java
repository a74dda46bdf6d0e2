package io.tenantconfig.server.environment;

import org.springframework.cloud.config.environment.Environment;
import org.springframework.cloud.config.server.environment.EnvironmentRepository;

/**
 * Serves answered environments from a bounded cache. Invalidation is explicit ({@link #evict}, driven by
 * PostgreSQL NOTIFY and by local writers); the TTL is only a safety net.
 */
public class CachingEnvironmentRepository implements EnvironmentRepository {

    private final EnvironmentRepository delegate;

    private final TenantEnvironmentCache cache;

    public CachingEnvironmentRepository(EnvironmentRepository delegate, TenantEnvironmentCache cache) {
        this.delegate = delegate;
        this.cache = cache;
    }

    @Override
    public Environment findOne(String application, String profile, String label) {
        return findOne(application, profile, label, false);
    }

    @Override
    public Environment findOne(String application, String profile, String label, boolean includeOrigin) {
        return cache.get(application, profile, label,
                () -> delegate.findOne(application, profile, label, includeOrigin));
    }

    /** For local writers: forget one application's answers right away instead of waiting for NOTIFY. */
    public void evict(String application) {
        cache.evict(application);
    }
}
