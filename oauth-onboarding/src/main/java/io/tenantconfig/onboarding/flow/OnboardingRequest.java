package io.tenantconfig.onboarding.flow;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /api/v1/tenant/onboard/whatsapp-client}.
 *
 * @param code          the authorization code from Meta (dialog redirect or Embedded Signup)
 * @param redirectUri   the dialog's redirect URI; absent for Embedded Signup
 * @param state         the state issued by {@code GET /onboard/start}
 */
public record OnboardingRequest(
        @JsonProperty("code") String code,
        @JsonProperty("waba_id") String wabaId,
        @JsonProperty("phone_number_id") String phoneNumberId,
        @JsonProperty("redirect_uri") String redirectUri,
        @JsonProperty("state") String state) {

    @Override
    public String toString() {
        return "OnboardingRequest[code=***, wabaId=" + wabaId + ", phoneNumberId=" + phoneNumberId
                + ", redirectUri=" + redirectUri + ", state=***]";
    }
}
