package io.tenantconfig.onboarding.meta;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings for talking to Meta's Graph API and for running the OAuth onboarding flow.
 */
@ConfigurationProperties(prefix = MetaProperties.PREFIX)
public class MetaProperties {

    public static final String PREFIX = "tenant-config.meta";

    static final String DEFAULT_GRAPH_URL = "https://graph.facebook.com";
    static final String DEFAULT_API_VERSION = "v23.0";
    static final String DEFAULT_DIALOG_URL = "https://www.facebook.com";
    static final List<String> DEFAULT_SCOPES = List.of("whatsapp_business_management", "whatsapp_business_messaging");
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_STATE_TTL = Duration.ofMinutes(10);

    /** Base URL of the Graph API, without the version (tests point it at a stand-in). */
    private String graphUrl = DEFAULT_GRAPH_URL;

    /** Graph API version used in every call and in the dialog URL, e.g. {@code v23.0}. */
    private String apiVersion = DEFAULT_API_VERSION;

    /** Base URL of Meta's OAuth dialog, without the version. */
    private String dialogUrl = DEFAULT_DIALOG_URL;

    /** The platform's Meta app id; used when a tenant has no app of its own stored. */
    private String appId;

    /** The platform's Meta app secret; never logged, never returned by any endpoint. */
    private String appSecret;

    /** Redirect URIs the dialog flow may use; compared byte for byte, as Meta does. */
    private List<String> allowedRedirectUris = new ArrayList<>();

    /** Permissions requested in the OAuth dialog. */
    private List<String> scopes = new ArrayList<>(DEFAULT_SCOPES);

    /** How long to wait for a TCP connection to the Graph API. */
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

    /** How long to wait for the Graph API to answer once connected. */
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;

    /** How long an issued OAuth {@code state} stays usable. */
    private Duration stateTtl = DEFAULT_STATE_TTL;

    /** Whether to subscribe the app to the tenant's WABA webhooks right after onboarding. */
    private boolean subscribeAfterOnboarding = true;

    /** Scheduled refresh of tenants' long-lived tokens. */
    private final TokenRefresh tokenRefresh = new TokenRefresh();

    public String getGraphUrl() {
        return graphUrl;
    }

    public void setGraphUrl(String graphUrl) {
        this.graphUrl = graphUrl;
    }

    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    public String getDialogUrl() {
        return dialogUrl;
    }

    public void setDialogUrl(String dialogUrl) {
        this.dialogUrl = dialogUrl;
    }

    public String getAppId() {
        return appId;
    }

    public void setAppId(String appId) {
        this.appId = appId;
    }

    public String getAppSecret() {
        return appSecret;
    }

    public void setAppSecret(String appSecret) {
        this.appSecret = appSecret;
    }

    public List<String> getAllowedRedirectUris() {
        return allowedRedirectUris;
    }

    public void setAllowedRedirectUris(List<String> allowedRedirectUris) {
        this.allowedRedirectUris = allowedRedirectUris;
    }

    public List<String> getScopes() {
        return scopes;
    }

    public void setScopes(List<String> scopes) {
        this.scopes = scopes;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    public Duration getStateTtl() {
        return stateTtl;
    }

    public void setStateTtl(Duration stateTtl) {
        this.stateTtl = stateTtl;
    }

    public boolean isSubscribeAfterOnboarding() {
        return subscribeAfterOnboarding;
    }

    public void setSubscribeAfterOnboarding(boolean subscribeAfterOnboarding) {
        this.subscribeAfterOnboarding = subscribeAfterOnboarding;
    }

    public TokenRefresh getTokenRefresh() {
        return tokenRefresh;
    }

    /**
     * The platform's own app credentials, or {@code null} when either half is not configured.
     */
    public MetaAppCredentials platformApp() {
        if (appId == null || appId.isBlank() || appSecret == null || appSecret.isBlank()) {
            return null;
        }
        return new MetaAppCredentials(appId, appSecret);
    }

    /**
     * Settings of the scheduled token refresh.
     */
    public static class TokenRefresh {

        static final Duration DEFAULT_WINDOW = Duration.ofDays(10);
        /** Hourly, at a minute unlikely to collide with other hourly jobs. */
        public static final String DEFAULT_CRON_VALUE = "0 17 * * * *";

        /** Whether the scheduled token refresh runs at all. */
        private boolean enabled = true;

        /** Tokens expiring within this window are refreshed or flagged for re-onboarding. */
        private Duration window = DEFAULT_WINDOW;

        /** When the refresh runs (Spring cron, six fields); {@code -} disables the schedule. */
        private String cron = DEFAULT_CRON_VALUE;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getWindow() {
            return window;
        }

        public void setWindow(Duration window) {
            this.window = window;
        }

        public String getCron() {
            return cron;
        }

        public void setCron(String cron) {
            this.cron = cron;
        }
    }
}
