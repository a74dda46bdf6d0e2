package io.tenantconfig.onboarding.flow;

/**
 * Who is onboarding: the tenant and the user, as the caller's JWT says (tenant claim and {@code sub}).
 */
public record TenantUser(String tenantId, String userId) {
}
