package io.tenantconfig.client.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

import io.tenantconfig.client.config.TenantConfigLoader;

/**
 * Settings of the tenant config client, bound to {@code tenant.config.*}.
 */
@ConfigurationProperties(prefix = TenantConfigProperties.PREFIX)
public class TenantConfigProperties implements InitializingBean {

    public static final String PREFIX = "tenant.config";
    public static final String DEFAULT_PROFILE = "default";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);

    /** Base URL of the config server, e.g. http://config:8888. */
    private String serverUrl;

    /** Several config servers, tried in order: the next one is used when one is unreachable or answers 5xx. */
    private List<String> serverUrls = new ArrayList<>();

    /** User name for HTTP Basic authentication against the config server. */
    private String username;

    /** Password for HTTP Basic authentication against the config server. */
    private String password;

    /** Bearer token (scope config:read) for the config server; alternative to username/password. */
    private String token;

    /** Profile requested from the config server. */
    private String profile = DEFAULT_PROFILE;

    /** Label requested from the config server; the server's default label when unset. */
    private String label;

    /** Time allowed to open a connection to the config server or the Graph API. */
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

    /** Time allowed to wait for an answer from the config server or the Graph API. */
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;

    /**
     * Whether a tenant whose config was never fetched falls back to the app's own {@code whatsapp.*}
     * properties when the server is unreachable, instead of failing with TenantConfigUnavailableException.
     */
    private boolean fallbackToLocal = false;

    /**
     * After a failed config fetch, how long the tenant's lookups get the last good answer (or the fallback)
     * without asking the server again; then one lookup retries. Zero asks again on every lookup.
     */
    private Duration outageRetryInterval = TenantConfigLoader.DEFAULT_OUTAGE_RETRY_INTERVAL;

    private final Cache cache = new Cache();

    private final Graph graph = new Graph();

    private final Retry retry = new Retry();

    private final Webhook webhook = new Webhook();

    private final Tenant tenant = new Tenant();

    /** The configured servers in failover order: {@code server-url} first, then {@code server-urls}. */
    public List<URI> serverUris() {
        List<URI> uris = new ArrayList<>();
        if (StringUtils.hasText(serverUrl)) {
            uris.add(URI.create(serverUrl.trim()));
        }
        for (String url : serverUrls) {
            if (StringUtils.hasText(url)) {
                uris.add(URI.create(url.trim()));
            }
        }
        return List.copyOf(uris);
    }

    @Override
    public void afterPropertiesSet() {
        List<URI> uris;
        try {
            uris = serverUris();
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalStateException(PREFIX + ".server-url(s) contains an invalid URL", ex);
        }
        for (URI uri : uris) {
            requireHttpUrl(uri, PREFIX + ".server-url(s)");
        }
        if (StringUtils.hasText(graph.url)) {
            requireHttpUrl(URI.create(graph.url.trim()), PREFIX + ".graph.url");
        }
        if (StringUtils.hasText(token) && StringUtils.hasText(username)) {
            throw new IllegalStateException("Set either " + PREFIX + ".token or " + PREFIX
                    + ".username/password, not both");
        }
        if (StringUtils.hasText(username) != StringUtils.hasText(password)) {
            throw new IllegalStateException(PREFIX + ".username and " + PREFIX + ".password go together");
        }
        if (!StringUtils.hasText(profile)) {
            throw new IllegalStateException(PREFIX + ".profile must not be empty");
        }
        requirePositive(connectTimeout, "connect-timeout");
        requirePositive(readTimeout, "read-timeout");
        requirePositive(cache.ttl, "cache.ttl");
        if (outageRetryInterval == null || outageRetryInterval.isNegative()) {
            throw new IllegalStateException(PREFIX + ".outage-retry-interval must be zero or positive");
        }
        if (cache.maxTenants < 1) {
            throw new IllegalStateException(PREFIX + ".cache.max-tenants must be at least 1");
        }
        if (retry.maxAttempts < 1 || retry.maxAttempts > 10) {
            throw new IllegalStateException(PREFIX + ".retry.max-attempts must be between 1 and 10");
        }
        if (retry.baseBackoff.isNegative() || retry.maxBackoff.compareTo(retry.baseBackoff) < 0) {
            throw new IllegalStateException(PREFIX + ".retry.base-backoff must be >= 0 and <= retry.max-backoff");
        }
        if (!StringUtils.hasText(tenant.header)) {
            throw new IllegalStateException(PREFIX + ".tenant.header must not be empty");
        }
    }

    private static void requireHttpUrl(URI uri, String property) {
        String scheme = uri.getScheme();
        if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || uri.getHost() == null) {
            throw new IllegalStateException(property + " must be an absolute http(s) URL");
        }
    }

    private static void requirePositive(Duration duration, String property) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalStateException(PREFIX + "." + property + " must be positive");
        }
    }

    public String getServerUrl() {
        return serverUrl;
    }

    public void setServerUrl(String serverUrl) {
        this.serverUrl = serverUrl;
    }

    public List<String> getServerUrls() {
        return serverUrls;
    }

    public void setServerUrls(List<String> serverUrls) {
        this.serverUrls = serverUrls;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getProfile() {
        return profile;
    }

    public void setProfile(String profile) {
        this.profile = profile;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
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

    public boolean isFallbackToLocal() {
        return fallbackToLocal;
    }

    public void setFallbackToLocal(boolean fallbackToLocal) {
        this.fallbackToLocal = fallbackToLocal;
    }

    public Duration getOutageRetryInterval() {
        return outageRetryInterval;
    }

    public void setOutageRetryInterval(Duration outageRetryInterval) {
        this.outageRetryInterval = outageRetryInterval;
    }

    public Cache getCache() {
        return cache;
    }

    public Graph getGraph() {
        return graph;
    }

    public Retry getRetry() {
        return retry;
    }

    public Webhook getWebhook() {
        return webhook;
    }

    public Tenant getTenant() {
        return tenant;
    }

    public static class Cache {

        public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
        public static final int DEFAULT_MAX_TENANTS = 10_000;

        /** How long a fetched tenant config is used before it is fetched again. */
        private Duration ttl = DEFAULT_TTL;

        /** Most tenants kept in the cache (and in the last-good store used while the server is down). */
        private int maxTenants = DEFAULT_MAX_TENANTS;

        public Duration getTtl() {
            return ttl;
        }

        public void setTtl(Duration ttl) {
            this.ttl = ttl;
        }

        public int getMaxTenants() {
            return maxTenants;
        }

        public void setMaxTenants(int maxTenants) {
            this.maxTenants = maxTenants;
        }
    }

    public static class Graph {

        /**
         * Graph API base URL. When set, it wins over a tenant's {@code whatsapp.graph-url} from the server (so a
         * local stub set here is never bypassed); when unset, the server's value, else https://graph.facebook.com.
         */
        private String url;

        /**
         * Graph API version. When set, it wins over a tenant's {@code whatsapp.api-version} from the server; when
         * unset, the server's value, else the version the starter was tested with (v23.0).
         */
        private String apiVersion;

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getApiVersion() {
            return apiVersion;
        }

        public void setApiVersion(String apiVersion) {
            this.apiVersion = apiVersion;
        }
    }

    public static class Retry {

        public static final int DEFAULT_MAX_ATTEMPTS = 3;
        public static final Duration DEFAULT_BASE_BACKOFF = Duration.ofMillis(200);
        public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);

        /** Most attempts for one send when Meta answers with a retryable error (1 = no retry). */
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;

        /** Back-off before the first retry; doubled for each further retry, with random jitter. */
        private Duration baseBackoff = DEFAULT_BASE_BACKOFF;

        /** Upper bound of one back-off. */
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getBaseBackoff() {
            return baseBackoff;
        }

        public void setBaseBackoff(Duration baseBackoff) {
            this.baseBackoff = baseBackoff;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }
    }

    public static class Webhook {

        /** Whether the webhook endpoint /webhooks/whatsapp/{tenant} is registered. */
        private boolean enabled = false;

        /** Phone number ids mapped to the tenant that owns them, for routing webhook events. */
        private Map<String, String> phoneNumbers = new LinkedHashMap<>();

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Map<String, String> getPhoneNumbers() {
            return phoneNumbers;
        }

        public void setPhoneNumbers(Map<String, String> phoneNumbers) {
            this.phoneNumbers = phoneNumbers;
        }
    }

    public static class Tenant {

        public static final String DEFAULT_HEADER = "X-Tenant-ID";
        public static final String DEFAULT_JWT_CLAIM = "tenant_id";

        /** Request header that names the current tenant. */
        private String header = DEFAULT_HEADER;

        /** JWT claim that names the current tenant (when Spring Security's Jwt is the principal). */
        private String jwtClaim = DEFAULT_JWT_CLAIM;

        public String getHeader() {
            return header;
        }

        public void setHeader(String header) {
            this.header = header;
        }

        public String getJwtClaim() {
            return jwtClaim;
        }

        public void setJwtClaim(String jwtClaim) {
            this.jwtClaim = jwtClaim;
        }
    }
}
