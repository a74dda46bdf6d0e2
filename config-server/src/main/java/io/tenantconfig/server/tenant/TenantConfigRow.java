package io.tenantconfig.server.tenant;

import java.time.OffsetDateTime;

/** One {@code tenant_configs} row as stored: secret columns still hold ciphertext (or hand-typed plaintext). */
record TenantConfigRow(long id, String tenantId, String userId, String wabaId, String phoneNumberId,
        String accessToken, String fbAppId, String fbAppSecret, String refreshToken, String verifyToken,
        String callbackUrl, String redirectUrl, boolean active, boolean onboardingCompleted,
        OffsetDateTime onboardedAt, OffsetDateTime tokenExpiresAt, String tokenStatus,
        OffsetDateTime lastVerifiedAt, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {
}
