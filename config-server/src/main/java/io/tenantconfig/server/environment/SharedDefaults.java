package io.tenantconfig.server.environment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code application} rows shared by every tenant, loaded once per label and cached apart from tenant
 * data, so a tenant cache miss costs one query, not two.
 */
public class SharedDefaults {

    private static final String SHARED_ROWS = """
            SELECT profile, key, value FROM config_properties
            WHERE application = 'application' AND label = ? ORDER BY id""";

    private static final String LABEL_EXISTS = "SELECT EXISTS (SELECT 1 FROM config_properties WHERE label = ?)";

    private final JdbcTemplate jdbc;

    private final String defaultLabel;

    /** Only labels that exist are cached: a label created later must not stay unknown until expiry. */
    private final Cache<String, Map<String, Map<String, String>>> byLabel;

    /** Counts {@link #clear()} calls, so a load that overlapped one is not kept (see TenantEnvironmentCache). */
    private final AtomicLong clears = new AtomicLong();

    public SharedDefaults(JdbcTemplate jdbc, TenantEnvironmentProperties properties) {
        this.jdbc = jdbc;
        this.defaultLabel = properties.getDefaultLabel();
        this.byLabel = Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(properties.getCacheTtl()).build();
    }

    /** Shared properties of a label keyed by profile ("default" = plain), or empty when the label is unknown. */
    public Optional<Map<String, Map<String, String>>> forLabel(String label) {
        Map<String, Map<String, String>> cached = byLabel.getIfPresent(label);
        if (cached != null) {
            return Optional.of(cached);
        }
        long before = clears.get();
        Map<String, Map<String, String>> loaded = new LinkedHashMap<>();
        jdbc.query(SHARED_ROWS, rs -> {
            loaded.computeIfAbsent(rs.getString("profile"), profile -> new LinkedHashMap<>())
                .put(rs.getString("key"), rs.getString("value"));
        }, label);
        if (loaded.isEmpty() && !label.equals(defaultLabel)
                && !Boolean.TRUE.equals(jdbc.queryForObject(LABEL_EXISTS, Boolean.class, label))) {
            return Optional.empty();
        }
        Map<String, Map<String, String>> byProfile = new LinkedHashMap<>();
        loaded.forEach((profile, values) -> byProfile.put(profile, Collections.unmodifiableMap(values)));
        Map<String, Map<String, String>> frozen = Collections.unmodifiableMap(byProfile);
        if (clears.get() == before) {
            byLabel.put(label, frozen);
        }
        return Optional.of(frozen);
    }

    public void clear() {
        clears.incrementAndGet();
        byLabel.invalidateAll();
    }

    static Map<String, String> profile(Map<String, Map<String, String>> shared, String profile) {
        return shared.getOrDefault(profile, Map.of());
    }
}
