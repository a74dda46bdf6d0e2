package io.tenantconfig.server.onboarding;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.tenantconfig.onboarding.flow.CompletedOnboarding;
import io.tenantconfig.onboarding.flow.OnboardingStore;
import io.tenantconfig.onboarding.meta.MetaAppCredentials;
import io.tenantconfig.server.audit.AuditAction;
import io.tenantconfig.server.audit.ConfigAuditLog;
import io.tenantconfig.server.audit.ConfigAuditLog.AuditEntry;
import io.tenantconfig.server.crypto.SecretCipher;

import static io.tenantconfig.server.onboarding.JdbcOAuthStateStore.utc;

/**
 * Onboarding results in {@code tenant_configs}: one upsert by tenant id plus its audit entry, in one transaction,
 * so a failure leaves the previous configuration exactly as it was. The token is encrypted before it is bound.
 */
@Component
class JdbcOnboardingStore implements OnboardingStore {

    /** The columns an onboarding sets, as recorded in the audit log (names only, never values). */
    static final List<String> ONBOARDED_FIELDS = List.of("user_id", "waba_id", "phone_number_id", "access_token",
            "token_expires_at", "token_scopes", "token_status", "onboarding_completed", "onboarded_at",
            "last_verified_at", "is_active", "redirect_url");

    /** Actor of audit entries written by the onboarding flow itself rather than on a user's edit. */
    static final String ONBOARDING_ACTOR = "onboarding";

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final ConfigAuditLog audit;
    private final TenantCacheEviction eviction;

    JdbcOnboardingStore(JdbcClient jdbc, SecretCipher cipher, ConfigAuditLog audit, TenantCacheEviction eviction) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
        this.eviction = eviction;
    }

    @Override
    public Optional<MetaAppCredentials> findTenantApp(String tenantId) {
        Optional<StoredApp> stored = StorageFailures.translate("read the tenant's Meta app", () -> jdbc
            .sql("SELECT fb_app_id, fb_app_secret FROM tenant_configs WHERE tenant_id = :tenant")
            .param("tenant", tenantId)
            .query((rs, row) -> new StoredApp(rs.getString("fb_app_id"), rs.getString("fb_app_secret")))
            .optional());
        return stored.filter(StoredApp::complete)
            .map(app -> new MetaAppCredentials(app.appId(), cipher.decrypt(app.encryptedSecret(), tenantId)));
    }

    @Override
    @Transactional
    public long completeOnboarding(CompletedOnboarding onboarding) {
        String tenantId = onboarding.tenantId();
        Upserted row = StorageFailures.translate("store the onboarding result", () -> {
            Upserted upserted = jdbc.sql("""
                    INSERT INTO tenant_configs (tenant_id, user_id, waba_id, phone_number_id, access_token,
                        token_expires_at, token_scopes, token_status, onboarding_completed, onboarded_at,
                        last_verified_at, is_active, redirect_url)
                    VALUES (:tenant, :user, :waba, :phone, :token, :expires, :scopes, 'valid', true, :now, :now,
                        true, :redirect)
                    ON CONFLICT (tenant_id) DO UPDATE SET
                        user_id = EXCLUDED.user_id,
                        waba_id = EXCLUDED.waba_id,
                        phone_number_id = EXCLUDED.phone_number_id,
                        access_token = EXCLUDED.access_token,
                        token_expires_at = EXCLUDED.token_expires_at,
                        token_scopes = EXCLUDED.token_scopes,
                        token_status = 'valid',
                        onboarding_completed = true,
                        onboarded_at = EXCLUDED.onboarded_at,
                        last_verified_at = EXCLUDED.last_verified_at,
                        is_active = true,
                        redirect_url = COALESCE(EXCLUDED.redirect_url, tenant_configs.redirect_url),
                        updated_at = now(),
                        version = tenant_configs.version + 1
                    RETURNING id, (xmax = 0) AS created""")
                .param("tenant", tenantId)
                .param("user", onboarding.userId())
                .param("waba", onboarding.wabaId())
                .param("phone", onboarding.phoneNumberId())
                .param("token", cipher.encrypt(onboarding.accessToken()))
                .param("expires", utc(onboarding.tokenExpiresAt()))
                .param("scopes", String.join(",", onboarding.scopes()))
                .param("now", utc(onboarding.onboardedAt()))
                .param("redirect", onboarding.redirectUri())
                .query((rs, number) -> new Upserted(rs.getLong("id"), rs.getBoolean("created")))
                .single();
            audit.record(new AuditEntry(tenantId, onboarding.userId(), AuditAction.ONBOARD, ONBOARDED_FIELDS,
                    (upserted.created() ? "new configuration" : "re-onboarded") + ": WABA " + onboarding.wabaId()
                            + ", phone number id " + onboarding.phoneNumberId() + ", "
                            + (onboarding.redirectUri() == null ? "Embedded Signup" : "redirect dialog")));
            return upserted;
        });
        eviction.afterCommit(tenantId);
        return row.id();
    }

    @Override
    @Transactional
    public void recordWebhookSubscription(String tenantId, String wabaId, boolean subscribed, String error) {
        String detail = subscribed ? "app subscribed to the webhooks of WABA " + wabaId
                : "subscribing the app to the webhooks of WABA " + wabaId + " failed: " + error;
        StorageFailures.translate("record the webhook subscription", () -> audit
            .record(new AuditEntry(tenantId, ONBOARDING_ACTOR, AuditAction.WEBHOOK_SUBSCRIPTION, List.of(), detail)));
    }

    private record StoredApp(String appId, String encryptedSecret) {

        boolean complete() {
            return appId != null && !appId.isBlank() && encryptedSecret != null && !encryptedSecret.isBlank();
        }
    }

    private record Upserted(long id, boolean created) {
    }
}
