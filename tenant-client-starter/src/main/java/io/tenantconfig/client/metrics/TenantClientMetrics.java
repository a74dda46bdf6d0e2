package io.tenantconfig.client.metrics;

/**
 * What the starter records. {@link #NONE} when the app has no MeterRegistry.
 */
public interface TenantClientMetrics {

    TenantClientMetrics NONE = new TenantClientMetrics() {
    };

    /** A tenant config was served from the cache. */
    default void cacheHit() {
    }

    /** A tenant config was not cached and had to be fetched. */
    default void cacheMiss() {
    }

    /** One fetch from the config server(s) finished. */
    default void configFetched(long nanos, boolean success) {
    }

    /** The last good config of a tenant was served because the server is unreachable. */
    default void staleServed(String tenantId) {
    }

    /** One send finished (after its retries); outcome is {@code success} or an error class. */
    default void messageSent(String tenantId, String outcome, long nanos) {
    }
}
