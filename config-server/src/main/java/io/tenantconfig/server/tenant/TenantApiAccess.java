package io.tenantconfig.server.tenant;

import java.util.regex.Pattern;

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

    /** Tenant ids are config-protocol application names, so every stored tenant is readable by services. */
    private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private static final String SHARED_APPLICATION = "application";

    private final TenantPrincipalResolver principals;

    TenantApiAccess(TenantPrincipalResolver principals) {
        this.principals = principals;
    }

    /** The caller's own tenant; 403 when the token names none (or an unusable one). */
    TenantPrincipal tenantUser() {
        TenantPrincipal principal = principal();
        String tenant = principal.requireTenant();
        if (!isTenantId(tenant)) {
            throw new AccessDeniedException("The token's tenant id is not usable: it must be 1-64 letters, digits, "
                    + "'-', '_' or '.', and not 'application'.");
        }
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

    static boolean isTenantId(String value) {
        return value != null && TENANT_ID.matcher(value).matches() && !value.contains("..")
                && !SHARED_APPLICATION.equals(value);
    }

    private TenantPrincipal principal() {
        return principals.current()
            .orElseThrow(() -> new AccessDeniedException("The tenant API needs a bearer token."));
    }

    private static TenantPrincipal requireAdmin(TenantPrincipal principal) {
        if (!principal.admin()) {
            throw new AccessDeniedException("This endpoint needs the admin role.");
        }
        return principal;
    }
}
