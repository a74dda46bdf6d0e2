package io.tenantconfig.server.tenant;

/** Counts across all tenants; {@code pending} = onboarding not completed. */
record TenantConfigStats(long total, long active, long inactive, long onboarded, long pending) {
}
