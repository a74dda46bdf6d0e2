package io.tenantconfig.server.environment;

import java.time.Duration;

import org.springframework.util.unit.DataSize;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the PostgreSQL tenant backend, bound from {@code tenant-config.environment.*}. */
@ConfigurationProperties("tenant-config.environment")
public class TenantEnvironmentProperties {

    public static final String DEFAULT_LABEL = "main";

    public static final int DEFAULT_MAX_TENANTS = 2_000;

    /** Share of the maximum heap the written answers may take when {@code answer-cache-size} is not set. */
    public static final int DEFAULT_ANSWER_CACHE_HEAP_PERCENT = 30;

    public static final Duration DEFAULT_CACHE_TTL = Duration.ofMinutes(10);

    public static final String DEFAULT_NOTIFY_CHANNEL = "tenant_config_changed";

    public static final Duration DEFAULT_RECONNECT_DELAY = Duration.ofSeconds(5);

    public static final int DEFAULT_ORDER = 0;

    /** Label served when a request names none; a label with no rows at all answers 404. */
    private String defaultLabel = DEFAULT_LABEL;

    /**
     * Upper bound of tenants whose environments are cached as objects (every profile set and label of a tenant
     * counts once). They serve the YAML/properties formats and the refills of the JSON answer cache; the JSON
     * protocol itself is served from {@code answer-cache-size}. Each costs about 4 KB of heap, and a tenant whose
     * answer is kept rarely needs its environment again: 10,000 of them took 40 MB of a 512 MB heap in the
     * benchmark that the answer cache serves better.
     */
    private int maxTenants = DEFAULT_MAX_TENANTS;

    /**
     * Bytes of written JSON answers kept for replay (the hot read path), shared layers counted once, each answer
     * weighed with its keys and records. Unset: 30% of the maximum heap, about 95,000 tenants of ~2 KB answers
     * under -Xmx512m (live heap 175 MB in the benchmark, steady with 1M tenants picked uniformly).
     */
    private DataSize answerCacheSize;

    /** Safety-net expiry of a cached environment; normal invalidation is by PostgreSQL NOTIFY. */
    private Duration cacheTtl = DEFAULT_CACHE_TTL;

    /** PostgreSQL channel the change trigger notifies and every instance listens on. */
    private String notifyChannel = DEFAULT_NOTIFY_CHANNEL;

    /** Pause before the change listener reconnects after losing its connection. */
    private Duration reconnectDelay = DEFAULT_RECONNECT_DELAY;

    /** Order of this backend among Spring Cloud Config environment repositories. */
    private int order = DEFAULT_ORDER;

    public String getDefaultLabel() {
        return defaultLabel;
    }

    public void setDefaultLabel(String defaultLabel) {
        this.defaultLabel = defaultLabel;
    }

    public int getMaxTenants() {
        return maxTenants;
    }

    public void setMaxTenants(int maxTenants) {
        this.maxTenants = maxTenants;
    }

    public DataSize getAnswerCacheSize() {
        return answerCacheSize;
    }

    public void setAnswerCacheSize(DataSize answerCacheSize) {
        this.answerCacheSize = answerCacheSize;
    }

    /** {@code answer-cache-size}, or its default share of this JVM's maximum heap. */
    public long answerCacheBytes() {
        return answerCacheSize != null ? answerCacheSize.toBytes()
                : Runtime.getRuntime().maxMemory() / 100 * DEFAULT_ANSWER_CACHE_HEAP_PERCENT;
    }

    public Duration getCacheTtl() {
        return cacheTtl;
    }

    public void setCacheTtl(Duration cacheTtl) {
        this.cacheTtl = cacheTtl;
    }

    public String getNotifyChannel() {
        return notifyChannel;
    }

    public void setNotifyChannel(String notifyChannel) {
        this.notifyChannel = notifyChannel;
    }

    public Duration getReconnectDelay() {
        return reconnectDelay;
    }

    public void setReconnectDelay(Duration reconnectDelay) {
        this.reconnectDelay = reconnectDelay;
    }

    public int getOrder() {
        return order;
    }

    public void setOrder(int order) {
        this.order = order;
    }
}
