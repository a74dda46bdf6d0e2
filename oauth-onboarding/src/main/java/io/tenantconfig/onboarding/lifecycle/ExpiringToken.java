package io.tenantconfig.onboarding.lifecycle;

import java.time.Instant;

import io.tenantconfig.onboarding.meta.MetaAppCredentials;

/**
 * A tenant's stored token that expires soon.
 *
 * @param accessToken the decrypted token ({@link #toString()} leaves it out)
 * @param tenantApp   the tenant's own Meta app, or {@code null} when it uses the platform's
 */
public record ExpiringToken(String tenantId, String accessToken, Instant expiresAt, MetaAppCredentials tenantApp) {

    @Override
    public String toString() {
        return "ExpiringToken[tenantId=" + tenantId + ", accessToken=***, expiresAt=" + expiresAt + ", tenantApp="
                + tenantApp + "]";
    }
}
