package io.tenantconfig.server.onboarding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.tenantconfig.onboarding.lifecycle.ExpiringToken;
import io.tenantconfig.onboarding.lifecycle.TokenLifecycleStore;
import io.tenantconfig.onboarding.meta.MetaAppCredentials;
import io.tenantconfig.server.audit.AuditAction;
import io.tenantconfig.server.audit.ConfigAuditLog;
import io.tenantconfig.server.audit.ConfigAuditLog.AuditEntry;
import io.tenantconfig.server.crypto.SecretCipher;
import io.tenantconfig.server.crypto.SecretUnreadableException;

import static io.tenantconfig.server.onboarding.JdbcOAuthStateStore.instant;
import static io.tenantconfig.server.onboarding.JdbcOAuthStateStore.utc;

/**
 * The refresh job's view of {@code tenant_configs}: valid tokens of active tenants by expiry, and the two
 * outcomes it writes back (a refreshed token, or the flag that the tenant must onboard again), each audited.
 */
@Component
class JdbcTokenLifecycleStore implements TokenLifecycleStore {

    /** Actor of audit entries written by the scheduled refresh. */
    static final String LIFECYCLE_ACTOR = "token-lifecycle";

    private static final Logger log = LoggerFactory.getLogger(JdbcTokenLifecycleStore.class);

    private static final String EXPIRING = """
            FROM tenant_configs
            WHERE token_status = 'valid' AND is_active AND access_token IS NOT NULL
              AND token_expires_at IS NOT NULL AND token_expires_at < :before""";

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final ConfigAuditLog audit;
    private final TenantCacheEviction eviction;

    JdbcTokenLifecycleStore(JdbcClient jdbc, SecretCipher cipher, ConfigAuditLog audit,
            TenantCacheEviction eviction) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
        this.eviction = eviction;
    }

    @Override
    public List<ExpiringToken> findValidTokensExpiringBefore(Instant before) {
        List<StoredToken> stored = jdbc.sql("SELECT tenant_id, access_token, token_expires_at, fb_app_id, "
                + "fb_app_secret " + EXPIRING + " ORDER BY token_expires_at")
            .param("before", utc(before))
            .query((rs, row) -> new StoredToken(rs.getString("tenant_id"), rs.getString("access_token"),
                    instant(rs, "token_expires_at"), rs.getString("fb_app_id"), rs.getString("fb_app_secret")))
            .list();
        List<ExpiringToken> tokens = new ArrayList<>(stored.size());
        for (StoredToken token : stored) {
            try {
                tokens.add(token.decrypted(cipher));
            }
            catch (SecretUnreadableException ex) {
                // a key problem is the operator's to fix, not a reason to make the tenant onboard again
                log.error("Tenant {}: token not refreshed: {}", token.tenantId(), ex.getMessage());
            }
        }
        return tokens;
    }

    @Override
    public long countValidTokensExpiringBefore(Instant before) {
        return jdbc.sql("SELECT count(*) " + EXPIRING).param("before", utc(before)).query(Long.class).single();
    }

    @Override
    @Transactional
    public void saveRefreshedToken(String tenantId, String accessToken, Instant expiresAt, Instant verifiedAt) {
        jdbc.sql("""
                UPDATE tenant_configs SET access_token = :token, token_expires_at = :expires,
                    last_verified_at = :verified, updated_at = now(), version = version + 1
                WHERE tenant_id = :tenant""")
            .param("token", cipher.encrypt(accessToken))
            .param("expires", utc(expiresAt))
            .param("verified", utc(verifiedAt))
            .param("tenant", tenantId)
            .update();
        audit.record(new AuditEntry(tenantId, LIFECYCLE_ACTOR, AuditAction.TOKEN_REFRESH,
                List.of("access_token", "token_expires_at", "last_verified_at"),
                expiresAt == null ? "token no longer expires" : "token now expires " + expiresAt));
        eviction.afterCommit(tenantId);
    }

    @Override
    @Transactional
    public void markNeedsReonboarding(String tenantId, String reason) {
        jdbc.sql("""
                UPDATE tenant_configs SET token_status = 'needs_reonboarding', updated_at = now(),
                    version = version + 1
                WHERE tenant_id = :tenant""")
            .param("tenant", tenantId)
            .update();
        audit.record(new AuditEntry(tenantId, LIFECYCLE_ACTOR, AuditAction.TOKEN_NEEDS_REONBOARDING,
                List.of("token_status"), reason));
        eviction.afterCommit(tenantId);
    }

    private record StoredToken(String tenantId, String encryptedToken, Instant expiresAt, String appId,
            String encryptedAppSecret) {

        ExpiringToken decrypted(SecretCipher cipher) {
            boolean ownApp = appId != null && !appId.isBlank() && encryptedAppSecret != null
                    && !encryptedAppSecret.isBlank();
            MetaAppCredentials app = ownApp
                    ? new MetaAppCredentials(appId, cipher.decrypt(encryptedAppSecret, tenantId)) : null;
            return new ExpiringToken(tenantId, cipher.decrypt(encryptedToken, tenantId), expiresAt, app);
        }

        @Override
        public String toString() {
            return "StoredToken[tenantId=" + tenantId + ", expiresAt=" + expiresAt + "]";
        }
    }
}
