package io.tenantconfig.bench.loader;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The logical data of the benchmark, derived deterministically from the tenant number so that both servers' tables
 * hold the same values and the harness can predict any tenant's answer.
 */
final class TenantDataSet {

    static final String SHARED_APPLICATION = "application";
    static final OffsetDateTime ONBOARDED_AT = OffsetDateTime.of(2026, 1, 15, 9, 30, 0, 0, ZoneOffset.UTC);
    static final OffsetDateTime TOKEN_EXPIRES_AT = ONBOARDED_AT.plusDays(60);

    /** Settings every tenant inherits unless it overrides them (the {@code application} layer). */
    static final Map<String, String> SHARED_DEFAULTS = sharedDefaults();

    private final int tenants;

    TenantDataSet(int tenants) {
        this.tenants = tenants;
    }

    int tenants() {
        return tenants;
    }

    static String tenantId(int number) {
        return String.format("t%07d", number);
    }

    Tenant tenant(int number) {
        return new Tenant(number);
    }

    /** One tenant's values: the tenant_configs row, and its own config_properties. */
    record Tenant(int number) {

        String id() {
            return tenantId(number);
        }

        String userId() {
            return String.format("u%07d", number);
        }

        String wabaId() {
            return String.valueOf(100_000_000_000_000L + number);
        }

        String phoneNumberId() {
            return String.valueOf(200_000_000_000_000L + number);
        }

        String appId() {
            return String.valueOf(300_000_000_000_000L + number % 97);
        }

        String accessToken() {
            return "EAAG" + repeat("bench" + id(), 140);
        }

        String appSecret() {
            return repeat(Integer.toHexString(0x5eed0000 + number), 32);
        }

        String refreshToken() {
            return "rt-" + repeat(id(), 60);
        }

        String verifyToken() {
            return "verify-" + id();
        }

        String callbackUrl() {
            return "https://hooks.example.com/whatsapp/" + id();
        }

        String redirectUrl() {
            return "https://app.example.com/oauth/callback";
        }

        /** The tenant's own settings, stored as config_properties rows (profile default). */
        Map<String, String> ownProperties() {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("feature.templates.enabled", String.valueOf(number % 2 == 0));
            properties.put("feature.media.enabled", "true");
            properties.put("rate-limit.messages-per-second", String.valueOf(20 + number % 60));
            properties.put("rate-limit.burst", String.valueOf(100 + number % 400));
            properties.put("template.welcome", "welcome_v" + (1 + number % 5));
            properties.put("template.reminder", "reminder_v" + (1 + number % 3));
            properties.put("locale.default", number % 3 == 0 ? "pt_BR" : "en_US");
            properties.put("timezone", number % 2 == 0 ? "Europe/Lisbon" : "America/Sao_Paulo");
            properties.put("webhook.retry.max-attempts", String.valueOf(3 + number % 5));
            properties.put("notifications.email", "ops+" + id() + "@example.com");
            return properties;
        }

        /**
         * What the stock backend stores for this tenant: the same values a tenant_configs row gives under the
         * property keys our server serves, plus the tenant's own settings, all in plain text (the stock backend
         * has no at-rest encryption).
         */
        Map<String, String> stockProperties() {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("whatsapp.phone-number-id", phoneNumberId());
            properties.put("whatsapp.waba-id", wabaId());
            properties.put("whatsapp.access-token", accessToken());
            properties.put("whatsapp.app-id", appId());
            properties.put("whatsapp.app-secret", appSecret());
            properties.put("whatsapp.verify-token", verifyToken());
            properties.put("whatsapp.callback-url", callbackUrl());
            properties.put("whatsapp.redirect-url", redirectUrl());
            properties.put("whatsapp.token-expires-at", TOKEN_EXPIRES_AT.toString());
            properties.put("tenant.id", id());
            properties.put("tenant.active", "true");
            properties.put("tenant.onboarding-completed", "true");
            properties.put("tenant.onboarded-at", ONBOARDED_AT.toString());
            properties.putAll(ownProperties());
            return properties;
        }
    }

    private static String repeat(String seed, int length) {
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            out.append(seed);
        }
        return out.substring(0, length);
    }

    private static Map<String, String> sharedDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("whatsapp.api-version", "v21.0");
        defaults.put("whatsapp.graph-url", "https://graph.facebook.com");
        defaults.put("http.connect-timeout-ms", "2000");
        defaults.put("http.read-timeout-ms", "10000");
        defaults.put("retry.max-attempts", "4");
        defaults.put("retry.initial-backoff-ms", "200");
        defaults.put("retry.max-backoff-ms", "5000");
        defaults.put("rate-limit.messages-per-second", "80");
        defaults.put("rate-limit.burst", "200");
        defaults.put("feature.templates.enabled", "true");
        defaults.put("feature.media.enabled", "false");
        defaults.put("feature.interactive.enabled", "false");
        defaults.put("template.language", "en_US");
        defaults.put("locale.default", "en_US");
        defaults.put("timezone", "UTC");
        defaults.put("webhook.retry.max-attempts", "5");
        defaults.put("webhook.signature.required", "true");
        defaults.put("media.max-upload-bytes", "16777216");
        defaults.put("notifications.enabled", "true");
        defaults.put("audit.retention-days", "365");
        return defaults;
    }
}
