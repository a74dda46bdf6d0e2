package io.tenantconfig.onboarding.state;

import java.time.Instant;

/**
 * An issued state as stored.
 *
 * @param redirectUri the redirect URI it was issued for, {@code null} for the Embedded Signup flow
 * @param consumedAt  when it was used, {@code null} while unused
 */
public record OAuthStateRecord(String tenantId, String userId, String redirectUri, Instant createdAt,
        Instant expiresAt, Instant consumedAt) {
}
