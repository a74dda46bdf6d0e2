package io.tenantconfig.server.tenant;

import java.time.OffsetDateTime;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A tenant's configuration as the API answers it, in the original guide's snake_case fields. Secrets are
 * masked by {@link SecretMask} unless an admin asked for {@code /config/full}; {@code refresh_token} appears
 * only in the full answer: the field is {@code null} in the masked view (left out of the JSON) and an
 * Optional in the full one, so that an unset refresh token shows there as JSON {@code null}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record TenantConfigView(
        @JsonProperty("id") long id,
        @JsonProperty("tenant_id") String tenantId,
        @JsonProperty("user_id") String userId,
        @JsonProperty("waba_id") String wabaId,
        @JsonProperty("phone_number_id") String phoneNumberId,
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("fb_app_id") String fbAppId,
        @JsonProperty("fb_app_secret") String fbAppSecret,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("refresh_token") Optional<String> refreshToken,
        @JsonProperty("callback_url") String callbackUrl,
        @JsonProperty("redirect_url") String redirectUrl,
        @JsonProperty("verify_token") String verifyToken,
        @JsonProperty("is_active") boolean active,
        @JsonProperty("onboarding_completed") boolean onboardingCompleted,
        @JsonProperty("onboarded_at") OffsetDateTime onboardedAt,
        @JsonProperty("token_expires_at") OffsetDateTime tokenExpiresAt,
        @JsonProperty("token_status") String tokenStatus,
        @JsonProperty("created_at") OffsetDateTime createdAt,
        @JsonProperty("updated_at") OffsetDateTime updatedAt) {

}
