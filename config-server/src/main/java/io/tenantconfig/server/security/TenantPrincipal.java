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

    /** Longest {@code sub} accepted; it is stored as the author of changes and echoed in audit records. */
    public static final int MAX_USER_ID_LENGTH = 255;

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

    /**
     * The user this request acts as, for the tenant API and onboarding: audit records and OAuth states are bound
     * to it, so a token without {@code sub}, with an overlong one, or with control characters (which would forge
     * lines in logs and audit views) is refused.
     */
    public String requireUser() {
        if (userId == null || userId.isBlank()) {
            throw new AccessDeniedException("The token names no user (sub).");
        }
        if (userId.length() > MAX_USER_ID_LENGTH || userId.chars().anyMatch(Character::isISOControl)) {
            throw new AccessDeniedException("The token's user (sub) is not usable: it must be at most "
                    + MAX_USER_ID_LENGTH + " characters without control characters.");
        }
        return userId;
    }
}
