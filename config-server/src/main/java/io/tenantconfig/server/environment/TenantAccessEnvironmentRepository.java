package io.tenantconfig.server.environment;

import io.tenantconfig.server.security.SecurityConfiguration;
import io.tenantconfig.server.security.TenantPrincipal;
import io.tenantconfig.server.security.TenantPrincipalResolver;

import org.springframework.cloud.config.environment.Environment;
import org.springframework.cloud.config.server.environment.EnvironmentRepository;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Outermost decorator: checks the request's names, then lets a token bound to a tenant read only that tenant.
 * It checks the application the controller actually resolved, so a dashed tenant id in
 * {@code /{app}-{profile}.yml} cannot be used to read a neighbour.
 */
public class TenantAccessEnvironmentRepository implements EnvironmentRepository {

    private final EnvironmentRepository delegate;

    private final TenantEnvironmentProperties properties;

    private final TenantPrincipalResolver principals;

    public TenantAccessEnvironmentRepository(EnvironmentRepository delegate, TenantEnvironmentProperties properties,
            TenantPrincipalResolver principals) {
        this.delegate = delegate;
        this.properties = properties;
        this.principals = principals;
    }

    @Override
    public Environment findOne(String application, String profile, String label) {
        return findOne(application, profile, label, false);
    }

    @Override
    public Environment findOne(String application, String profile, String label, boolean includeOrigin) {
        ConfigRequest request = ConfigRequest.of(application, profile, label, properties.getDefaultLabel());
        requireServiceCredentials();
        if (!tokenMayRead(request.application())) {
            throw new AccessDeniedException("This token may read only its own tenant's configuration.");
        }
        return delegate.findOne(request.application(), String.join(",", request.profiles()), request.label(),
                includeOrigin);
    }

    /**
     * Whether the current request may read this application's answer: the rule this repository enforces, asked
     * again by {@link ConfigAnswerFilter} before it replays a stored answer without calling the repository.
     */
    public boolean mayRead(String application) {
        return SecurityConfiguration.mayReadConfiguration(SecurityContextHolder.getContext().getAuthentication())
                && tokenMayRead(application);
    }

    /** A token bound to a tenant reads only that tenant; Basic and unbound tokens read any. */
    private boolean tokenMayRead(String application) {
        return principals.current()
            .flatMap(TenantPrincipal::tenantId)
            .map(tenant -> tenant.equals(application))
            .orElse(true);
    }

    /**
     * The security chain already demands credentials on config paths; this second check means a path opened by
     * mistake (a public prefix that also matches {@code /{application}/{profiles}}) still serves nothing.
     */
    private static void requireServiceCredentials() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!SecurityConfiguration.mayReadConfiguration(authentication)) {
            // also reached under /api/{profile}: the /api/** chain authenticates any valid JWT
            throw new AccessDeniedException(authentication instanceof JwtAuthenticationToken
                    ? "This token lacks the scope " + SecurityConfiguration.CONFIG_READ_SCOPE
                            + " needed to read configuration."
                    : "Service credentials are required to read configuration.");
        }
    }
}
