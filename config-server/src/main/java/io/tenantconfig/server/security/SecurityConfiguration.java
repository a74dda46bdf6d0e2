package io.tenantconfig.server.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import io.tenantconfig.server.web.WebPageConfiguration;

/**
 * Two stateless chains. {@code /api/**} (tenant API) accepts only bearer JWTs. Everything else that is not
 * public is the config protocol: HTTP Basic (Boot's {@code spring.security.user.*}) or a JWT with scope
 * {@code config:read}. Which tenant a token may read is checked on the resolved application, in
 * {@code TenantAccessEnvironmentRepository}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JwtProperties.class)
public class SecurityConfiguration {

    /** Scope a JWT needs on config-protocol paths. */
    public static final String CONFIG_READ_SCOPE = "config:read";

    /**
     * Paths open without credentials. Each must be answered by a handler consulted before the config protocol's
     * {@code /{application}/{profiles}} mappings: a prefix such as {@code /css/**} would otherwise also open
     * {@code /css/default}, the shared defaults and the server's own fallback credentials.
     */
    private static final String[] PUBLIC_PATHS = { "/actuator/health", "/actuator/health/**", "/actuator/info",
            "/v3/api-docs", "/v3/api-docs/**", "/error" };

    /** Swagger UI lives under /api/docs (springdoc.swagger-ui.path) where no config-protocol mapping reaches. */
    private static final String API_DOCS_UI = "/api/docs/**";

    @Bean
    @Conditional(JwtConfiguredCondition.class)
    JwtDecoder tenantConfigJwtDecoder(JwtProperties properties, ResourceLoader resources) {
        return JwtDecoders.build(properties, resources);
    }

    /**
     * Spring Security's own observations wrap every filter of the chain and record a meter event per filter and
     * request: about a quarter of the CPU of a config request in the benchmark's profile (docs/benchmarks.md).
     * Request timing stays with {@code http.server.requests}; define another {@link SecurityObservationSettings}
     * bean to have them back.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    TenantPrincipalResolver tenantPrincipalResolver(JwtProperties properties) {
        return new TenantPrincipalResolver(properties);
    }

    /**
     * Boot backs off its own user when a JwtDecoder exists; Basic for stock clients must keep working. Exposed
     * as a plain {@link UserDetailsService}, not as the {@link InMemoryUserDetailsManager} itself: that one is
     * also a password-upgrade service, so Spring Security would re-encode a {@code {noop}} password with BCrypt
     * after the first login and then pay a BCrypt check (~100 ms of CPU) on every config request.
     */
    @Bean
    UserDetailsService serviceUsers(SecurityProperties security) {
        SecurityProperties.User user = security.getUser();
        String password = user.getPassword().matches("^\\{.+}.*$") ? user.getPassword() : "{noop}" + user.getPassword();
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(User.withUsername(user.getName())
            .password(password)
            .roles(user.getRoles().toArray(String[]::new))
            .build());
        return users::loadUserByUsername;
    }

    @Bean
    @Order(1)
    SecurityFilterChain tenantApiChain(HttpSecurity http, ObjectProvider<JwtDecoder> decoder,
            JwtProperties properties) throws Exception {
        AuthenticationEntryPoint bearer = ProblemResponses.unauthorized("Bearer",
                "A valid bearer token is required.");
        http.securityMatcher("/api/**")
            .csrf(AbstractHttpConfigurer::disable)
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, API_DOCS_UI)
                .permitAll()
                .anyRequest()
                .authenticated())
            .exceptionHandling(errors -> errors.authenticationEntryPoint(bearer)
                .accessDeniedHandler(ProblemResponses.forbidden()));
        JwtDecoder jwt = decoder.getIfAvailable();
        if (jwt != null) {
            http.oauth2ResourceServer(server -> server
                .jwt(config -> config.decoder(jwt).jwtAuthenticationConverter(authenticationConverter(properties)))
                .authenticationEntryPoint(bearer)
                .accessDeniedHandler(ProblemResponses.forbidden()));
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain configProtocolChain(HttpSecurity http, ObjectProvider<JwtDecoder> decoder,
            JwtProperties properties) throws Exception {
        AuthenticationEntryPoint challenge = ProblemResponses.unauthorized("Basic realm=\"tenant-config\", Bearer",
                "Missing or wrong service credentials: send HTTP Basic (the service user) or a valid bearer token "
                        + "with scope config:read.");
        http.csrf(AbstractHttpConfigurer::disable)
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC_PATHS)
                .permitAll()
                // only the POST is the token endpoint; GET /dev/token is the config protocol (application "dev")
                .requestMatchers(HttpMethod.POST, "/dev/token")
                .permitAll()
                // the web page's files; the page sends the JWT itself on every API call
                .requestMatchers(WebPageConfiguration.PUBLIC_PATHS)
                .permitAll()
                .anyRequest()
                .access(serviceReader()))
            .httpBasic(basic -> basic.authenticationEntryPoint(challenge))
            .exceptionHandling(errors -> errors.authenticationEntryPoint(challenge)
                .accessDeniedHandler(ProblemResponses.forbidden()));
        JwtDecoder jwt = decoder.getIfAvailable();
        if (jwt != null) {
            http.oauth2ResourceServer(server -> server
                .jwt(config -> config.decoder(jwt).jwtAuthenticationConverter(authenticationConverter(properties)))
                .authenticationEntryPoint(challenge)
                .accessDeniedHandler(ProblemResponses.forbidden()));
        }
        return http.build();
    }

    private static AuthorizationManager<RequestAuthorizationContext> serviceReader() {
        return (authentication, context) -> new AuthorizationDecision(mayReadConfiguration(authentication.get()));
    }

    /**
     * The one rule for reading the config protocol: an authenticated service; Basic users may read, a JWT must
     * carry scope config:read. Used by the filter chain and again by the config backend itself.
     */
    public static boolean mayReadConfiguration(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return false;
        }
        if (authentication instanceof JwtAuthenticationToken) {
            return authentication.getAuthorities()
                .stream()
                .anyMatch(authority -> ("SCOPE_" + CONFIG_READ_SCOPE).equals(authority.getAuthority()));
        }
        return true;
    }

    /** Authorities: {@code SCOPE_x} from {@code scope}/{@code scp}, {@code ROLE_x} from the roles claim. */
    private static JwtAuthenticationConverter authenticationConverter(JwtProperties properties) {
        JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            Collection<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
            List<String> roles = TenantPrincipalResolver.roles(jwt.getClaims().get(properties.getRolesClaim()));
            roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
            return authorities;
        });
        return converter;
    }
}
