package io.tenantconfig.server.importer;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tenantconfig.server.audit.AuditAction;
import io.tenantconfig.server.audit.ConfigAuditLog;
import io.tenantconfig.server.audit.ConfigAuditLog.AuditEntry;
import io.tenantconfig.server.crypto.SecretCipher;
import io.tenantconfig.server.environment.TenantEnvironmentProperties;
import io.tenantconfig.server.importer.TenantImportFile.Property;
import io.tenantconfig.server.importer.TenantImportFile.Tenant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes an import file into the database in one transaction: every tenant row is created or replaced, every
 * property row created or overwritten; rows the file does not mention are left alone. Secrets are encrypted
 * with {@link SecretCipher} first, so running the import twice leaves the same configuration.
 */
public class TenantImporter {

    /** Who the audit trail names for imported changes. */
    static final String ACTOR = "import";

    /** {@code xmax = 0} holds only for a row this statement inserted, not one it updated. */
    private static final String UPSERT_TENANT = """
            INSERT INTO tenant_configs (tenant_id, user_id, is_active, waba_id, phone_number_id, access_token,
                fb_app_id, fb_app_secret, refresh_token, verify_token, callback_url, redirect_url,
                token_expires_at, onboarding_completed, onboarded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (tenant_id) DO UPDATE SET user_id = EXCLUDED.user_id, is_active = EXCLUDED.is_active,
                waba_id = EXCLUDED.waba_id, phone_number_id = EXCLUDED.phone_number_id,
                access_token = EXCLUDED.access_token, fb_app_id = EXCLUDED.fb_app_id,
                fb_app_secret = EXCLUDED.fb_app_secret, refresh_token = EXCLUDED.refresh_token,
                verify_token = EXCLUDED.verify_token, callback_url = EXCLUDED.callback_url,
                redirect_url = EXCLUDED.redirect_url, token_expires_at = EXCLUDED.token_expires_at,
                onboarding_completed = EXCLUDED.onboarding_completed, onboarded_at = EXCLUDED.onboarded_at,
                updated_at = now(), version = tenant_configs.version + 1
            RETURNING (xmax = 0) AS inserted""";

    private static final String UPSERT_PROPERTY = """
            INSERT INTO config_properties (application, profile, label, key, value, secret)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (application, profile, label, key) DO UPDATE SET value = EXCLUDED.value,
                secret = EXCLUDED.secret, updated_at = now()
            RETURNING (xmax = 0) AS inserted""";

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transaction;

    private final SecretCipher cipher;

    private final ConfigAuditLog audit;

    private final String defaultLabel;

    public TenantImporter(JdbcTemplate jdbc, TransactionTemplate transaction, SecretCipher cipher,
            ConfigAuditLog audit, TenantEnvironmentProperties environment) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.cipher = cipher;
        this.audit = audit;
        this.defaultLabel = environment.getDefaultLabel();
    }

    /**
     * Validates, then imports everything or nothing.
     * @param source how to name the file in messages
     * @throws TenantImportException when an entry breaks a rule; nothing is written then
     */
    public ImportResult importFile(TenantImportFile file, String source) {
        List<String> problems = file.problems();
        if (!problems.isEmpty()) {
            throw TenantImportException.of(source, problems);
        }
        return transaction.execute(status -> {
            int[] tenants = { 0, 0 };
            for (Tenant tenant : file.tenants()) {
                tenants[upsert(tenant) ? 0 : 1]++;
            }
            int[] properties = { 0, 0 };
            Map<String, List<String>> keysByApplication = new LinkedHashMap<>();
            for (Property property : file.properties()) {
                properties[upsert(property) ? 0 : 1]++;
                keysByApplication.computeIfAbsent(property.application(), application -> new ArrayList<>())
                    .add(property.key());
            }
            keysByApplication.forEach((application, keys) -> audit.record(new AuditEntry(application, ACTOR,
                    AuditAction.UPDATE, keys, "properties imported from " + source)));
            return new ImportResult(tenants[0], tenants[1], properties[0], properties[1]);
        });
    }

    private boolean upsert(Tenant tenant) {
        boolean inserted = Boolean.TRUE.equals(jdbc.queryForObject(UPSERT_TENANT, Boolean.class, tenant.tenantId(),
                tenant.userId(), tenant.isActive(), tenant.wabaId(), tenant.phoneNumberId(),
                cipher.encrypt(tenant.accessToken()), tenant.fbAppId(), cipher.encrypt(tenant.fbAppSecret()),
                cipher.encrypt(tenant.refreshToken()), cipher.encrypt(tenant.verifyToken()), tenant.callbackUrl(),
                tenant.redirectUrl(), timestamp(tenant.tokenExpiresAt()), tenant.isOnboardingCompleted(),
                timestamp(tenant.onboardedAt())));
        audit.record(new AuditEntry(tenant.tenantId(), ACTOR, inserted ? AuditAction.CREATE : AuditAction.UPDATE,
                givenFields(tenant), "imported"));
        return inserted;
    }

    private boolean upsert(Property property) {
        String value = property.isSecret() ? cipher.encrypt(property.value()) : property.value();
        return Boolean.TRUE.equals(jdbc.queryForObject(UPSERT_PROPERTY, Boolean.class, property.application(),
                property.profileOrDefault(), property.labelOr(defaultLabel), property.key(), value,
                property.isSecret()));
    }

    /** Names of the columns the file gave a value for; values stay out of the audit trail. */
    private static List<String> givenFields(Tenant tenant) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("user_id", tenant.userId());
        fields.put("is_active", tenant.active());
        fields.put("waba_id", tenant.wabaId());
        fields.put("phone_number_id", tenant.phoneNumberId());
        fields.put("access_token", tenant.accessToken());
        fields.put("fb_app_id", tenant.fbAppId());
        fields.put("fb_app_secret", tenant.fbAppSecret());
        fields.put("refresh_token", tenant.refreshToken());
        fields.put("verify_token", tenant.verifyToken());
        fields.put("callback_url", tenant.callbackUrl());
        fields.put("redirect_url", tenant.redirectUrl());
        fields.put("token_expires_at", tenant.tokenExpiresAt());
        fields.put("onboarding_completed", tenant.onboardingCompleted());
        fields.put("onboarded_at", tenant.onboardedAt());
        return fields.entrySet().stream().filter(field -> field.getValue() != null).map(Map.Entry::getKey).toList();
    }

    private static Timestamp timestamp(String iso) {
        return iso == null ? null : Timestamp.from(OffsetDateTime.parse(iso).toInstant());
    }

    /** What an import did: rows created and rows replaced. */
    public record ImportResult(int tenantsCreated, int tenantsUpdated, int propertiesCreated, int propertiesUpdated) {
    }
}
