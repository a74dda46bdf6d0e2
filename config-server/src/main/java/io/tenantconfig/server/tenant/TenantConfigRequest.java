package io.tenantconfig.server.tenant;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The request body of {@code POST} and {@code PUT /config}, for the OpenAPI description only: the body is read
 * by {@link TenantConfigInput}, which enforces these rules and refuses any other field.
 */
@Schema(name = "TenantConfigRequest", description = "Fields to set. PUT: an absent field stays as it is, JSON null "
        + "clears it (is_active cannot be null). Unknown fields are refused with 400.",
        additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
record TenantConfigRequest(
        @Schema(description = "WhatsApp Business Account id", pattern = "^[0-9]{1,32}$", nullable = true)
        @JsonProperty("waba_id") String wabaId,
        @Schema(description = "Phone number id", pattern = "^[0-9]{1,32}$", nullable = true)
        @JsonProperty("phone_number_id") String phoneNumberId,
        @Schema(description = "Meta app id", pattern = "^[0-9]{1,32}$", nullable = true)
        @JsonProperty("fb_app_id") String fbAppId,
        @Schema(description = "https URL (http only for localhost)", maxLength = 2048, nullable = true)
        @JsonProperty("callback_url") String callbackUrl,
        @Schema(description = "https URL (http only for localhost)", maxLength = 2048, nullable = true)
        @JsonProperty("redirect_url") String redirectUrl,
        @Schema(description = "System-user or long-lived token; stored encrypted, answered masked",
                maxLength = 4096, nullable = true, format = "password")
        @JsonProperty("access_token") String accessToken,
        @Schema(description = "Meta app secret; stored encrypted, answered masked", maxLength = 256,
                nullable = true, format = "password")
        @JsonProperty("fb_app_secret") String fbAppSecret,
        @Schema(description = "Webhook verify token; stored encrypted, answered masked", maxLength = 256,
                nullable = true, format = "password")
        @JsonProperty("verify_token") String verifyToken,
        @Schema(description = "Serve this configuration to services (default true)")
        @JsonProperty("is_active") Boolean active) {
}
