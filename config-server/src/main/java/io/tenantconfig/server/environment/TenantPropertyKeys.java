package io.tenantconfig.server.environment;

import java.util.List;

/** Property keys of the contract between server and client starter (DESIGN.md "Property keys"). */
public final class TenantPropertyKeys {

    public static final String PHONE_NUMBER_ID = "whatsapp.phone-number-id";
    public static final String WABA_ID = "whatsapp.waba-id";
    public static final String ACCESS_TOKEN = "whatsapp.access-token";
    public static final String APP_ID = "whatsapp.app-id";
    public static final String APP_SECRET = "whatsapp.app-secret";
    public static final String VERIFY_TOKEN = "whatsapp.verify-token";
    public static final String CALLBACK_URL = "whatsapp.callback-url";
    public static final String REDIRECT_URL = "whatsapp.redirect-url";
    public static final String TOKEN_EXPIRES_AT = "whatsapp.token-expires-at";
    public static final String API_VERSION = "whatsapp.api-version";
    public static final String GRAPH_URL = "whatsapp.graph-url";

    public static final String TENANT_ID = "tenant.id";
    public static final String TENANT_ACTIVE = "tenant.active";
    public static final String TENANT_ONBOARDING_COMPLETED = "tenant.onboarding-completed";
    public static final String TENANT_ONBOARDED_AT = "tenant.onboarded-at";
    public static final String TENANT_CONFIG_SOURCE = "tenant.config-source";

    /** Keys the server's own environment may supply as the last fallback; waba-id is database-only. */
    public static final List<String> SERVER_ENVIRONMENT_FALLBACK = List.of(PHONE_NUMBER_ID, ACCESS_TOKEN, APP_ID,
            APP_SECRET, VERIFY_TOKEN, CALLBACK_URL, REDIRECT_URL, API_VERSION, GRAPH_URL);

    private TenantPropertyKeys() {
    }
}
