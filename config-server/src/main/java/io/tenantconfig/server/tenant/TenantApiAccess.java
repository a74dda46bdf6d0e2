package io.tenantconfig.server.tenant;

import io.tenantconfig.server.security.TenantPrincipal;
import io.tenantconfig.server.security.TenantPrincipalResolver;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what in the tenant API. The tenant always comes from the verified token, never from the request;
 * the admin role (name from {@code tenant-config.security.jwt.admin-role}) guards full secrets and
 * cross-tenant endpoints. Refusals are {@link AccessDeniedException}s, answered as 403.
 */
@Component
class TenantApiAccess {

    private final TenantPrincipalResolver principals;

    TenantApiAccess(TenantPrincipalResolver principals) {
        this.principals = principals;
    }

    /** The caller's own tenant; 403 when the token names none (or an unusable one), or no usable user. */
    TenantPrincipal tenantUser() {
        TenantPrincipal principal = principal();
        principal.requireTenant();
        return principal;
    }

    /** Admin of the caller's own tenant (for {@code /config/full}). */
    TenantPrincipal tenantAdmin() {
        return requireAdmin(tenantUser());
    }

    /** Admin across tenants; the token need not name a tenant. */
    TenantPrincipal admin() {
        return requireAdmin(principal());
    }

    /** Every tenant API call records its author, so a token must name a usable user. */
    private TenantPrincipal principal() {
        TenantPrincipal principal = principals.current()
            .orElseThrow(() -> new AccessDeniedException("The tenant API needs a bearer token."));
        principal.requireUser();
        return principal;
    }

    private static TenantPrincipal requireAdmin(TenantPrincipal principal) {
        if (!principal.admin()) {
            throw new AccessDeniedException("This endpoint needs the admin role.");
        }
        return principal;
    }
}
