package io.tenantconfig.client.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tenantconfig.client.metrics.TenantClientMetrics;

/**
 * The tenant-aware config loader: one cached {@link TenantConfig} per tenant.
 * <p>
 * A tenant's config is fetched once per TTL; concurrent first requests for one tenant share one server call.
 * When the server cannot answer, the last good answer for that tenant is served (a WARN line and the
 * {@code tenant.config.stale} metric say so). Without one, the app's own {@code whatsapp.*} properties are used
 * if {@code fallback-to-local} is on, else {@link TenantConfigUnavailableException} is thrown.
 * <p>
 * After a failed fetch the tenant is not asked for again until the outage retry interval has passed: lookups
 * meanwhile get the same fallback at once instead of each waiting for a dead server's timeout. Then one caller
 * retries while the others keep getting the fallback.
 */
public class TenantConfigLoader {

    /** How long a failed fetch keeps a tenant's lookups away from the server unless configured otherwise. */
    public static final Duration DEFAULT_OUTAGE_RETRY_INTERVAL = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(TenantConfigLoader.class);

    private final ConfigServerClient server;
    private final LocalWhatsAppSettings local;
    private final boolean fallbackToLocal;
    private final TenantClientMetrics metrics;
    private final Clock clock;
    private final Cache<String, TenantConfig> fresh;
    /** Last good answers, kept past the TTL so that a server outage does not stop sending. */
    private final Cache<String, TenantConfig> lastGood;
    /** Tenants whose last fetch failed, with the time before which the server is not asked again. */
    private final Cache<String, Outage> outages;
    private final Duration outageRetryInterval;

    /** A loader that waits {@link #DEFAULT_OUTAGE_RETRY_INTERVAL} after a failed fetch before asking again. */
    public TenantConfigLoader(ConfigServerClient server, LocalWhatsAppSettings local, Duration ttl, int maxTenants,
            boolean fallbackToLocal, TenantClientMetrics metrics) {
        this(server, local, ttl, maxTenants, fallbackToLocal, DEFAULT_OUTAGE_RETRY_INTERVAL, metrics,
                Clock.systemUTC());
    }

    /**
     * @param outageRetryInterval how long after a failed fetch a tenant's lookups are answered from the fallback
     *     without asking the server; zero asks again on every lookup
     * @param clock measures that interval
     */
    public TenantConfigLoader(ConfigServerClient server, LocalWhatsAppSettings local, Duration ttl, int maxTenants,
            boolean fallbackToLocal, Duration outageRetryInterval, TenantClientMetrics metrics, Clock clock) {
        if (outageRetryInterval.isNegative()) {
            throw new IllegalArgumentException("outage retry interval must not be negative");
        }
        this.server = server;
        this.local = local;
        this.fallbackToLocal = fallbackToLocal;
        this.outageRetryInterval = outageRetryInterval;
        this.metrics = metrics;
        this.clock = clock;
        this.fresh = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxTenants).build();
        this.lastGood = Caffeine.newBuilder().maximumSize(maxTenants).build();
        this.outages = Caffeine.newBuilder().maximumSize(maxTenants).build();
    }

    /**
     * The tenant's config: cached, fetched, the last good answer, or local properties (see class comment).
     * @throws IllegalArgumentException for an id that is empty or could change the request path
     * @throws TenantConfigUnavailableException when nothing can be served
     */
    public TenantConfig forTenant(String tenantId) {
        TenantIds.requireValid(tenantId);
        TenantConfig cached = fresh.getIfPresent(tenantId);
        if (cached != null) {
            metrics.cacheHit();
            return cached;
        }
        Outage outage = outages.getIfPresent(tenantId);
        if (outage != null && !outage.claimRetry(clock.instant())) {
            return duringOutage(tenantId, outage);
        }
        try {
            return fresh.get(tenantId, this::fetch);
        }
        catch (ConfigServerException ex) {
            outages.put(tenantId, new Outage(clock.instant().plus(outageRetryInterval), ex.getMessage()));
            return fallback(tenantId, ex);
        }
        finally {
            if (outage != null) {
                // whatever ended the claimed retry, the next caller must not wait on this outage record
                outages.asMap().remove(tenantId, outage);
            }
        }
    }

    /**
     * Forgets the cached answer so that the next lookup asks the server, even during an outage retry interval
     * (the last good answer stays).
     */
    public void evict(String tenantId) {
        TenantIds.requireValid(tenantId);
        fresh.invalidate(tenantId);
        outages.invalidate(tenantId);
    }

    private TenantConfig fetch(String tenantId) {
        metrics.cacheMiss();
        long start = System.nanoTime();
        boolean success = false;
        try {
            Map<String, String> properties = server.fetch(tenantId);
            TenantConfig config = new TenantConfig(tenantId, properties, local, TenantConfig.Origin.SERVER,
                    clock.instant());
            lastGood.put(tenantId, config);
            outages.invalidate(tenantId);
            success = true;
            return config;
        }
        finally {
            metrics.configFetched(System.nanoTime() - start, success);
        }
    }

    private TenantConfig fallback(String tenantId, ConfigServerException ex) {
        TenantConfig previous = lastGood.getIfPresent(tenantId);
        if (previous != null) {
            log.warn("Config server failed for tenant {}; serving its last good config fetched at {}: {}", tenantId,
                    previous.fetchedAt(), ex.getMessage());
            metrics.staleServed(tenantId);
            return previous.asStale();
        }
        if (fallbackToLocal) {
            log.warn("Config server failed for tenant {} and no earlier answer exists; using the app's own"
                    + " whatsapp.* properties: {}", tenantId, ex.getMessage());
            return TenantConfig.localOnly(tenantId, local);
        }
        throw new TenantConfigUnavailableException(tenantId, ex);
    }

    /** The fallback without asking the server; the failure was logged when it happened. */
    private TenantConfig duringOutage(String tenantId, Outage outage) {
        TenantConfig previous = lastGood.getIfPresent(tenantId);
        if (previous != null) {
            metrics.staleServed(tenantId);
            return previous.asStale();
        }
        if (fallbackToLocal) {
            return TenantConfig.localOnly(tenantId, local);
        }
        throw new TenantConfigUnavailableException(tenantId, new ConfigServerException(outage.failure()
                + "; not asked again before " + outage.retryAt(), null));
    }

    /** The guide's {@code get_whatsapp_config}. */
    public WhatsAppConfig getWhatsAppConfig(String tenantId) {
        TenantConfig config = forTenant(tenantId);
        return new WhatsAppConfig(config.tenantId(), config.phoneNumberId(), config.accessToken(), config.wabaId(),
                config.hasTenantConfig(), config.isOnboarded());
    }

    /** The guide's {@code get_phone_id_for_tenant}. */
    public String phoneNumberIdFor(String tenantId) {
        return forTenant(tenantId).phoneNumberId();
    }

    /** The guide's {@code get_access_token_for_tenant}. */
    public String accessTokenFor(String tenantId) {
        return forTenant(tenantId).accessToken();
    }

    /** The guide's {@code is_tenant_onboarded}. */
    public boolean isTenantOnboarded(String tenantId) {
        return forTenant(tenantId).isOnboarded();
    }

    /** A failed fetch: until {@code retryAt} nobody asks the server; after it, the one caller that claims it. */
    private static final class Outage {

        private final Instant retryAt;
        private final String failure;
        private final AtomicBoolean retryClaimed = new AtomicBoolean();

        Outage(Instant retryAt, String failure) {
            this.retryAt = retryAt;
            this.failure = failure;
        }

        boolean claimRetry(Instant now) {
            return !now.isBefore(retryAt) && retryClaimed.compareAndSet(false, true);
        }

        Instant retryAt() {
            return retryAt;
        }

        String failure() {
            return failure;
        }
    }
}
