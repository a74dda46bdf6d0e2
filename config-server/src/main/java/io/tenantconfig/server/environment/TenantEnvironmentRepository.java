package io.tenantconfig.server.environment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.cloud.config.environment.Environment;
import org.springframework.cloud.config.environment.PropertySource;
import org.springframework.cloud.config.server.environment.EnvironmentRepository;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.tenantconfig.server.environment.TenantPropertyKeys.*;

/**
 * The priority rule. For {@code /{tenant}/{profiles}[/{label}]} it answers, highest priority first:
 * {@code tenant-meta} (what this answer is), {@code {tenant}-{profile}} (later requested profile first),
 * {@code {tenant}} (the active {@code tenant_configs} row plus profile-less properties),
 * {@code application-{profile}}, {@code application}, and {@code environment} (the server's own
 * {@code whatsapp.*} settings, never {@code waba-id}). Empty layers are left out; an inactive or unknown tenant
 * gets the shared layers only. Values come back as stored: decryption is a decorator's job.
 */
public class TenantEnvironmentRepository implements EnvironmentRepository, Ordered {

    /** Name of the source that describes the answer itself; it outranks every row so no row can fake it. */
    public static final String META_SOURCE = "tenant-meta";

    /** Name of the lowest layer, the server's own environment. */
    public static final String SERVER_ENVIRONMENT_SOURCE = "environment";

    /**
     * One round trip: the tenant's row unpivoted into key/value pairs (LATERAL VALUES) and every property row of
     * the tenant at the label, whatever its profile; profiles are picked in Java.
     */
    private static final String TENANT_DATA = """
            SELECT 'row' AS kind, t.is_active AS active, NULL AS profile, v.key, v.value
            FROM tenant_configs t
            CROSS JOIN LATERAL (VALUES
                ('tenant.onboarding-completed', t.onboarding_completed::text),
                ('tenant.onboarded-at', to_char(t.onboarded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
                ('whatsapp.phone-number-id', t.phone_number_id),
                ('whatsapp.waba-id', t.waba_id),
                ('whatsapp.access-token', t.access_token),
                ('whatsapp.app-id', t.fb_app_id),
                ('whatsapp.app-secret', t.fb_app_secret),
                ('whatsapp.verify-token', t.verify_token),
                ('whatsapp.callback-url', t.callback_url),
                ('whatsapp.redirect-url', t.redirect_url),
                ('whatsapp.token-expires-at',
                    to_char(t.token_expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
            ) AS v(key, value)
            WHERE t.tenant_id = ?
            UNION ALL
            SELECT 'property', NULL, p.profile, p.key, p.value
            FROM config_properties p
            WHERE p.application = ? AND p.label = ?""";

    private final JdbcTemplate jdbc;

    private final SharedDefaults sharedDefaults;

    private final org.springframework.core.env.Environment serverEnvironment;

    private final TenantEnvironmentProperties properties;

    /** {@link #serverFallback()} once looked up; the server's own environment does not change after start. */
    private volatile Map<String, String> serverFallback;

    public TenantEnvironmentRepository(JdbcTemplate jdbc, SharedDefaults sharedDefaults,
            org.springframework.core.env.Environment serverEnvironment, TenantEnvironmentProperties properties) {
        this.jdbc = jdbc;
        this.sharedDefaults = sharedDefaults;
        this.serverEnvironment = serverEnvironment;
        this.properties = properties;
    }

    @Override
    public Environment findOne(String application, String profile, String label) {
        return findOne(application, profile, label, false);
    }

    @Override
    public Environment findOne(String application, String profiles, String label, boolean includeOrigin) {
        ConfigRequest request = ConfigRequest.of(application, profiles, label, properties.getDefaultLabel());
        Map<String, Map<String, String>> shared = sharedDefaults.forLabel(request.label())
            .orElseThrow(() -> new UnknownLabelException(request.label()));
        TenantData tenant = request.isShared() ? TenantData.NONE : loadTenant(request);

        Environment environment = new Environment(request.application(),
                request.profiles().toArray(String[]::new), request.label(), null, null);
        environment.add(new PropertySource(META_SOURCE, meta(request, tenant)));
        if (tenant.servesOwnData()) {
            addProfileLayers(environment, request.application(), tenant.properties(), request);
            Map<String, String> own = new LinkedHashMap<>(tenant.properties().getOrDefault(ConfigRequest.DEFAULT_PROFILE,
                    Map.of()));
            tenant.row().forEach((key, value) -> {
                if (!key.startsWith("tenant.")) {
                    own.put(key, value);
                }
            });
            addIfNotEmpty(environment, request.application(), own);
        }
        addProfileLayers(environment, ConfigRequest.SHARED_APPLICATION, shared, request);
        addIfNotEmpty(environment, ConfigRequest.SHARED_APPLICATION,
                SharedDefaults.profile(shared, ConfigRequest.DEFAULT_PROFILE));
        addIfNotEmpty(environment, SERVER_ENVIRONMENT_SOURCE, serverFallback());
        return environment;
    }

    private TenantData loadTenant(ConfigRequest request) {
        Map<String, String> row = new LinkedHashMap<>();
        Map<String, Map<String, String>> byProfile = new LinkedHashMap<>();
        Boolean[] active = {null};
        jdbc.query(TENANT_DATA, rs -> {
            String value = rs.getString("value");
            if ("row".equals(rs.getString("kind"))) {
                active[0] = rs.getBoolean("active");
                if (value != null) {
                    row.put(rs.getString("key"), value);
                }
            }
            else if (value != null) {
                byProfile.computeIfAbsent(rs.getString("profile"), p -> new LinkedHashMap<>())
                    .put(rs.getString("key"), value);
            }
        }, request.application(), request.application(), request.label());
        return new TenantData(active[0], row, byProfile);
    }

    /** Adds {@code {name}-{profile}} layers, the last requested profile first (it wins). */
    private static void addProfileLayers(Environment environment, String name,
            Map<String, Map<String, String>> byProfile, ConfigRequest request) {
        List<String> specific = new ArrayList<>(request.specificProfiles());
        for (int i = specific.size() - 1; i >= 0; i--) {
            String profile = specific.get(i);
            addIfNotEmpty(environment, name + "-" + profile, byProfile.getOrDefault(profile, Map.of()));
        }
    }

    /**
     * Adds the map itself, not a copy: the shared and fallback layers are then one object for every cached tenant
     * instead of a copy per tenant (at 100k cached tenants the copies filled a 512 MB heap). No map added here
     * is changed afterwards; the shared ones are unmodifiable.
     */
    private static void addIfNotEmpty(Environment environment, String name, Map<String, String> values) {
        if (!values.isEmpty()) {
            environment.add(new PropertySource(name, values));
        }
    }

    private static Map<String, String> meta(ConfigRequest request, TenantData tenant) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(TENANT_ID, request.application());
        meta.put(TENANT_ACTIVE, String.valueOf(Boolean.TRUE.equals(tenant.active())));
        meta.put(TENANT_ONBOARDING_COMPLETED,
                tenant.row().getOrDefault(TENANT_ONBOARDING_COMPLETED, "false"));
        String onboardedAt = tenant.row().get(TENANT_ONBOARDED_AT);
        if (onboardedAt != null) {
            meta.put(TENANT_ONBOARDED_AT, onboardedAt);
        }
        meta.put(TENANT_CONFIG_SOURCE, tenant.servesOwnData() && !tenant.isEmpty() ? "database" : "defaults");
        return meta;
    }

    /**
     * The last layer: only the contract's {@code whatsapp.*} keys from the server's environment, either
     * spelling ({@code whatsapp.access-token} or {@code WHATSAPP_ACCESS_TOKEN}, e.g. from a {@code .env} file).
     * Looked up once: eighteen property lookups through Boot's configuration property sources were about a tenth of
     * the CPU profile of cache misses (see docs/benchmarks.md).
     */
    private Map<String, String> serverFallback() {
        Map<String, String> known = serverFallback;
        if (known == null) {
            known = Collections.unmodifiableMap(lookUpServerFallback());
            serverFallback = known;
        }
        return known;
    }

    private Map<String, String> lookUpServerFallback() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : SERVER_ENVIRONMENT_FALLBACK) {
            String value = serverEnvironment.getProperty(key);
            if (value == null) {
                value = serverEnvironment.getProperty(key.replace('.', '_').replace('-', '_').toUpperCase());
            }
            if (value != null && !value.isBlank()) {
                values.put(key, value);
            }
        }
        return values;
    }

    @Override
    public int getOrder() {
        return properties.getOrder();
    }

    /**
     * What the database holds for one tenant at one label.
     * @param active {@code is_active} of its row, {@code null} when it has none
     * @param row the row's values (meta keys included); served only when active
     * @param properties its {@code config_properties} by profile
     */
    record TenantData(Boolean active, Map<String, String> row, Map<String, Map<String, String>> properties) {

        static final TenantData NONE = new TenantData(null, Map.of(), Map.of());

        /** An inactive row hides everything the tenant owns; no row at all still serves its property rows. */
        boolean servesOwnData() {
            return active == null || active;
        }

        boolean isEmpty() {
            return active == null && properties.isEmpty();
        }
    }
}
