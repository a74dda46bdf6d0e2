package io.tenantconfig.onboarding.lifecycle;

import java.time.Instant;
import java.util.List;

/**
 * Port: the stored tokens as the refresh job needs them (config-server implements it over
 * {@code tenant_configs}).
 */
public interface TokenLifecycleStore {

    /** Tokens with {@code token_status = valid} of active tenants that expire before {@code before}. */
    List<ExpiringToken> findValidTokensExpiringBefore(Instant before);

    /** How many such tokens there are (for the gauge). */
    long countValidTokensExpiringBefore(Instant before);

    /**
     * Stores a refreshed token (encrypted) and its new expiry; {@code expiresAt} is {@code null} when it no
     * longer expires. Also sets {@code last_verified_at}.
     */
    void saveRefreshedToken(String tenantId, String accessToken, Instant expiresAt, Instant verifiedAt);

    /** Sets {@code token_status = needs_reonboarding}; the token itself is left as it is. */
    void markNeedsReonboarding(String tenantId, String reason);
}
