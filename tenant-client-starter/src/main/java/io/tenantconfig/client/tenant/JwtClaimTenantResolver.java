package io.tenantconfig.client.tenant;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import io.tenantconfig.client.config.TenantIds;

/**
 * Reads the tenant from a claim ({@code tenant_id} by default) of the authenticated JWT.
 */
public final class JwtClaimTenantResolver implements TenantResolver {

    private final String claim;

    public JwtClaimTenantResolver(String claim) {
        this.claim = claim;
    }

    @Override
    public Optional<String> resolve() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            return Optional.empty();
        }
        String value = jwt.getClaimAsString(claim);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(TenantIds.requireValid(value));
    }
}
