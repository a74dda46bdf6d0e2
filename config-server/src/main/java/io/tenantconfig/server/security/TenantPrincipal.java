package io.tenantconfig.server.security;

import java.util.List;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;

import io.tenantconfig.server.environment.ConfigRequest;

/**
 * Who a bearer token speaks for: its tenant (if bound to one), its user ({@code sub}) and roles. Obtained from
 * {@link TenantPrincipalResolver}, which reads the configured claim names.
 */
public record TenantPrincipal(Optional<String> tenantId, String userId, List<String> roles, boolean admin) {

    public TenantPrincipal {
        roles = List.copyOf(roles);
    }

    /**
     * The tenant this request may act for; a token without one, or with a claim that cannot name a tenant (the
     * reserved {@code application}, a path-like value), cannot use the tenant API or onboarding.
     */
    public String requireTenant() {
        String tenant = tenantId.orElseThrow(() -> new AccessDeniedException("The token names no tenant."));
        if (!ConfigRequest.isTenantId(tenant)) {
            throw new AccessDeniedException("The token's tenant id is not usable: it must be 1-64 letters, digits, "
                    + "'-', '_' or '.', and not 'application'.");
        }
        return tenant;
    }
}
