package io.tenantconfig.server.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Reads a {@link TenantPrincipal} from a JWT with the configured claim names. */
public class TenantPrincipalResolver {

    private final JwtProperties properties;

    public TenantPrincipalResolver(JwtProperties properties) {
        this.properties = properties;
    }

    /** The principal of the current request when it authenticated with a JWT (not with Basic). */
    public Optional<TenantPrincipal> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(from(token.getToken()));
        }
        return Optional.empty();
    }

    /** A tenant claim that is not a string is refused (403), never guessed at. */
    public TenantPrincipal from(Jwt jwt) {
        Object tenant = jwt.getClaims().get(properties.getTenantClaim());
        if (tenant != null && !(tenant instanceof String)) {
            throw new AccessDeniedException("The token's tenant claim must be a string.");
        }
        List<String> roles = roles(jwt.getClaims().get(properties.getRolesClaim()));
        return new TenantPrincipal(Optional.ofNullable((String) tenant).filter(id -> !id.isBlank()),
                jwt.getSubject(), roles, roles.contains(properties.getAdminRole()));
    }

    static List<String> roles(Object claim) {
        if (claim instanceof String text) {
            return Arrays.stream(text.trim().split("[\\s,]+")).filter(role -> !role.isEmpty()).toList();
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
