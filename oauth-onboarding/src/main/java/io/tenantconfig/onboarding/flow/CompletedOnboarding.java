package io.tenantconfig.onboarding.flow;

import java.time.Instant;
import java.util.List;

/**
 * Everything a successful onboarding stores, in one call.
 *
 * @param accessToken    the long-lived token, plain here; the adapter encrypts it before it reaches the
 *                       database ({@link #toString()} leaves it out)
 * @param tokenExpiresAt {@code null} when Meta says the token does not expire
 * @param scopes         permissions Meta reports as granted
 * @param appId          the Meta app the token belongs to
 * @param redirectUri    the dialog's redirect URI, {@code null} for Embedded Signup
 */
public record CompletedOnboarding(String tenantId, String userId, String wabaId, String phoneNumberId,
        String accessToken, Instant tokenExpiresAt, List<String> scopes, String appId, String redirectUri,
        Instant onboardedAt) {

    public CompletedOnboarding {
        scopes = List.copyOf(scopes);
    }

    @Override
    public String toString() {
        return "CompletedOnboarding[tenantId=" + tenantId + ", userId=" + userId + ", wabaId=" + wabaId
                + ", phoneNumberId=" + phoneNumberId + ", accessToken=***, tokenExpiresAt=" + tokenExpiresAt
                + ", scopes=" + scopes + ", appId=" + appId + ", redirectUri=" + redirectUri + ", onboardedAt="
                + onboardedAt + "]";
    }
}
