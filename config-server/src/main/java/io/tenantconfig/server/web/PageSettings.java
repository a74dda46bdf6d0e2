package io.tenantconfig.server.web;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the web page asks the server before sign-in.
 *
 * @param devTokens   whether the "Use development token" button may be offered (embedded mode only)
 * @param tenantClaim JWT claim naming the tenant, read by the page for display only
 * @param rolesClaim  JWT claim listing roles, read by the page to decide whether to show the admin view
 * @param adminRole   the role that the server requires for admin endpoints
 */
public record PageSettings(
        @JsonProperty("dev_tokens") boolean devTokens,
        @JsonProperty("tenant_claim") String tenantClaim,
        @JsonProperty("roles_claim") String rolesClaim,
        @JsonProperty("admin_role") String adminRole) {
}
