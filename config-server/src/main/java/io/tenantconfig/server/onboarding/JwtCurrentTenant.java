package io.tenantconfig.server.onboarding;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import io.tenantconfig.onboarding.flow.CurrentTenant;
import io.tenantconfig.onboarding.flow.TenantUser;
import io.tenantconfig.server.security.TenantPrincipal;
import io.tenantconfig.server.security.TenantPrincipalResolver;

/**
 * The onboarding tenant user from the request's JWT: the configured tenant claim and {@code sub}. A token
 * without a usable one of either may not onboard (403), because the OAuth state is bound to both.
 */
@Component
class JwtCurrentTenant implements CurrentTenant {

    private final TenantPrincipalResolver principals;

    JwtCurrentTenant(TenantPrincipalResolver principals) {
        this.principals = principals;
    }

    @Override
    public TenantUser current() {
        TenantPrincipal principal = principals.current()
            .orElseThrow(() -> new AccessDeniedException("Onboarding needs a bearer token."));
        return new TenantUser(principal.requireTenant(), principal.requireUser());
    }
}
