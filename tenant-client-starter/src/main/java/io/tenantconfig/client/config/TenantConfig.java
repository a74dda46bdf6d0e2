package io.tenantconfig.client.config;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One tenant's configuration as the server answered it, with the app's own {@code whatsapp.*} values as the
 * fallback for phone number id and access token. Immutable; {@link #toString()} never shows a value.
 */
public final class TenantConfig {

    /** Where this answer came from. */
    public enum Origin {
        /** fetched from the config server within the cache TTL */
        SERVER,
        /** the last good server answer, served because the server is unreachable now */
        STALE,
        /** the server was never reached for this tenant: only the app's own properties */
        LOCAL
    }

    private final String tenantId;
    private final Map<String, String> properties;
    private final LocalWhatsAppSettings local;
    private final Origin origin;
    private final Instant fetchedAt;

    TenantConfig(String tenantId, Map<String, String> properties, LocalWhatsAppSettings local, Origin origin,
            Instant fetchedAt) {
        this.tenantId = tenantId;
        this.properties = Map.copyOf(properties);
        this.local = local;
        this.origin = origin;
        this.fetchedAt = fetchedAt;
    }

    static TenantConfig localOnly(String tenantId, LocalWhatsAppSettings local) {
        return new TenantConfig(tenantId, Map.of(), local, Origin.LOCAL, null);
    }

    TenantConfig asStale() {
        return new TenantConfig(tenantId, properties, local, Origin.STALE, fetchedAt);
    }

    public String tenantId() {
        return tenantId;
    }

    /** Server first, then the app's own {@code whatsapp.phone-number-id}. */
    public String phoneNumberId() {
        return get(PropertyKeys.PHONE_NUMBER_ID).orElse(local.phoneNumberId());
    }

    /** Server first, then the app's own {@code whatsapp.access-token}. */
    public String accessToken() {
        return get(PropertyKeys.ACCESS_TOKEN).orElse(local.accessToken());
    }

    /** Server only: the WABA id has no local fallback. */
    public String wabaId() {
        return properties.get(PropertyKeys.WABA_ID);
    }

    public String appSecret() {
        return properties.get(PropertyKeys.APP_SECRET);
    }

    public String verifyToken() {
        return properties.get(PropertyKeys.VERIFY_TOKEN);
    }

    /** Any key from the server's answer (highest-priority source wins). */
    public Optional<String> get(String key) {
        String value = properties.get(key);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** Every property of the server's answer, flattened by priority. Contains secrets: do not log it. */
    public Map<String, String> all() {
        return properties;
    }

    /** Whether the server answered from the tenant's own active database row. */
    public boolean hasTenantConfig() {
        return PropertyKeys.SOURCE_DATABASE.equals(properties.get(PropertyKeys.CONFIG_SOURCE));
    }

    public boolean isOnboarded() {
        return hasTenantConfig() && Boolean.parseBoolean(properties.get(PropertyKeys.ONBOARDING_COMPLETED));
    }

    public Origin origin() {
        return origin;
    }

    /** When the server produced this answer; null for {@link Origin#LOCAL}. */
    public Instant fetchedAt() {
        return fetchedAt;
    }

    @Override
    public String toString() {
        return "TenantConfig[tenant=" + tenantId + ", origin=" + origin + ", keys=" + properties.size() + "]";
    }
}
