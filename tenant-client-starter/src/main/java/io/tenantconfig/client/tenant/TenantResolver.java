package io.tenantconfig.client.tenant;

import java.util.Optional;

/**
 * Finds the tenant the current work is done for. Replace the starter's bean to resolve it your own way.
 */
@FunctionalInterface
public interface TenantResolver {

    /** The current tenant, if one is known here. */
    Optional<String> resolve();

    /**
     * The current tenant.
     * @throws IllegalStateException when none is known
     */
    default String requireTenant() {
        return resolve().orElseThrow(() -> new IllegalStateException(
                "No current tenant: set it with TenantContext.runAs, the tenant header or the JWT claim"));
    }
}
