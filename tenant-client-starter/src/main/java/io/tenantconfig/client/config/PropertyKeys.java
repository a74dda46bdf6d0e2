package io.tenantconfig.client.config;

/**
 * Property keys the config server answers with (DESIGN.md, "Property keys").
 */
public final class PropertyKeys {

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
    public static final String ONBOARDING_COMPLETED = "tenant.onboarding-completed";
    public static final String ONBOARDED_AT = "tenant.onboarded-at";
    public static final String CONFIG_SOURCE = "tenant.config-source";

    /** Value of {@link #CONFIG_SOURCE} when the tenant has its own active row. */
    public static final String SOURCE_DATABASE = "database";

    private PropertyKeys() {
    }
}
