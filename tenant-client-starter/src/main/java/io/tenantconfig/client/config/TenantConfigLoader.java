package io.tenantconfig.client.config;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

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
 */
public class TenantConfigLoader {

    private static final Logger log = LoggerFactory.getLogger(TenantConfigLoader.class);

    private final ConfigServerClient server;
    private final LocalWhatsAppSettings local;
    private final boolean fallbackToLocal;
    private final TenantClientMetrics metrics;
    private final Clock clock;
    private final Cache<String, TenantConfig> fresh;
    /** Last good answers, kept past the TTL so that a server outage does not stop sending. */
    private final Cache<String, TenantConfig> lastGood;

    public TenantConfigLoader(ConfigServerClient server, LocalWhatsAppSettings local, Duration ttl, int maxTenants,
            boolean fallbackToLocal, TenantClientMetrics metrics) {
        this.server = server;
        this.local = local;
        this.fallbackToLocal = fallbackToLocal;
        this.metrics = metrics;
        this.clock = Clock.systemUTC();
        this.fresh = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxTenants).build();
        this.lastGood = Caffeine.newBuilder().maximumSize(maxTenants).build();
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
        try {
            return fresh.get(tenantId, this::fetch);
        }
        catch (ConfigServerException ex) {
            return fallback(tenantId, ex);
        }
    }

    /** Forgets the cached answer so that the next lookup asks the server (the last good answer stays). */
    public void evict(String tenantId) {
        fresh.invalidate(TenantIds.requireValid(tenantId));
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
}
