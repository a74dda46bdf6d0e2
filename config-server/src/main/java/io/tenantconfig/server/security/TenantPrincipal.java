package io.tenantconfig.server.security;

import java.util.List;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;

/**
 * Who a bearer token speaks for: its tenant (if bound to one), its user ({@code sub}) and roles. Obtained from
 * {@link TenantPrincipalResolver}, which reads the configured claim names.
 */
public record TenantPrincipal(Optional<String> tenantId, String userId, List<String> roles, boolean admin) {

    public TenantPrincipal {
        roles = List.copyOf(roles);
    }

    /** The tenant this request may act for; a token without one cannot use the tenant API. */
    public String requireTenant() {
        return tenantId.orElseThrow(() -> new AccessDeniedException("The token names no tenant."));
    }
}
