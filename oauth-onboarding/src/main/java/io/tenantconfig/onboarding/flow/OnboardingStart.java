package io.tenantconfig.onboarding.flow;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Answer of {@code GET /api/v1/tenant/onboard/start}: what the web page needs to open Meta's dialog.
 *
 * @param state     to send back with the code
 * @param dialogUrl Meta's OAuth dialog URL for the redirect flow; {@code null} for Embedded Signup, where
 *                  the page calls the JS SDK with {@link #appId()} instead
 * @param flow      {@code redirect} or {@code embedded_signup}
 */
public record OnboardingStart(
        @JsonProperty("state") String state,
        @JsonProperty("dialog_url") String dialogUrl,
        @JsonProperty("expires_at") Instant expiresAt,
        @JsonProperty("flow") String flow,
        @JsonProperty("app_id") String appId) {
}
