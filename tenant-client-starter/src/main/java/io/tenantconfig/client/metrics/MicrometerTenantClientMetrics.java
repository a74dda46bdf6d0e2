package io.tenantconfig.client.metrics;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Records the starter's metrics in Micrometer: {@code tenant.whatsapp.sends{tenant,outcome}},
 * {@code tenant.config.fetch{outcome}}, {@code tenant.config.cache{result}}, {@code tenant.config.stale{tenant}}.
 */
public class MicrometerTenantClientMetrics implements TenantClientMetrics {

    private final MeterRegistry registry;
    private final Counter hits;
    private final Counter misses;
    private final Timer fetchSuccess;
    private final Timer fetchFailure;

    public MicrometerTenantClientMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.hits = cacheCounter("hit");
        this.misses = cacheCounter("miss");
        this.fetchSuccess = fetchTimer("success");
        this.fetchFailure = fetchTimer("failure");
    }

    private Counter cacheCounter(String result) {
        return Counter.builder("tenant.config.cache").description("Tenant config lookups by cache result")
                .tag("result", result).register(registry);
    }

    private Timer fetchTimer(String outcome) {
        return Timer.builder("tenant.config.fetch").description("Fetches of a tenant config from the config server")
                .tag("outcome", outcome).register(registry);
    }

    @Override
    public void cacheHit() {
        hits.increment();
    }

    @Override
    public void cacheMiss() {
        misses.increment();
    }

    @Override
    public void configFetched(long nanos, boolean success) {
        (success ? fetchSuccess : fetchFailure).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void staleServed(String tenantId) {
        Counter.builder("tenant.config.stale").description("Last good tenant configs served while the server is down")
                .tag("tenant", tenantId).register(registry).increment();
    }

    @Override
    public void messageSent(String tenantId, String outcome, long nanos) {
        Timer.builder("tenant.whatsapp.sends").description("WhatsApp sends by tenant and outcome")
                .tag("tenant", tenantId).tag("outcome", outcome).register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
