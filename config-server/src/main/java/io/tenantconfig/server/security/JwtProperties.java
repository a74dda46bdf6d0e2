package io.tenantconfig.server.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Bearer JWT validation, bound from {@code tenant-config.security.jwt.*}. Configure one key source. */
@ConfigurationProperties("tenant-config.security.jwt")
public class JwtProperties {

    public static final String DEFAULT_TENANT_CLAIM = "tenant_id";

    public static final String DEFAULT_ROLES_CLAIM = "roles";

    public static final String DEFAULT_ADMIN_ROLE = "admin";

    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);

    /** Shared secret for HS256 (at least 32 bytes). */
    private String hmacSecret;

    /** PEM public key (RS256) for tokens signed elsewhere, e.g. {@code file:/etc/keys/jwt.pub}. */
    private String publicKeyLocation;

    /** JWKS endpoint of the token issuer (RS256 / ES256). */
    private String jwkSetUri;

    /** Required {@code iss} when set. */
    private String issuer;

    /** Required entry of {@code aud} when set. */
    private String audience;

    /** Claim that names the token's tenant. */
    private String tenantClaim = DEFAULT_TENANT_CLAIM;

    /** Claim that lists the user's roles. */
    private String rolesClaim = DEFAULT_ROLES_CLAIM;

    /** Role needed for admin-only endpoints. */
    private String adminRole = DEFAULT_ADMIN_ROLE;

    /** Tolerance for {@code exp} and {@code nbf}. */
    private Duration clockSkew = DEFAULT_CLOCK_SKEW;

    public String getHmacSecret() {
        return hmacSecret;
    }

    public void setHmacSecret(String hmacSecret) {
        this.hmacSecret = hmacSecret;
    }

    public String getPublicKeyLocation() {
        return publicKeyLocation;
    }

    public void setPublicKeyLocation(String publicKeyLocation) {
        this.publicKeyLocation = publicKeyLocation;
    }

    public String getJwkSetUri() {
        return jwkSetUri;
    }

    public void setJwkSetUri(String jwkSetUri) {
        this.jwkSetUri = jwkSetUri;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public String getTenantClaim() {
        return tenantClaim;
    }

    public void setTenantClaim(String tenantClaim) {
        this.tenantClaim = tenantClaim;
    }

    public String getRolesClaim() {
        return rolesClaim;
    }

    public void setRolesClaim(String rolesClaim) {
        this.rolesClaim = rolesClaim;
    }

    public String getAdminRole() {
        return adminRole;
    }

    public void setAdminRole(String adminRole) {
        this.adminRole = adminRole;
    }

    public Duration getClockSkew() {
        return clockSkew;
    }

    public void setClockSkew(Duration clockSkew) {
        this.clockSkew = clockSkew;
    }
}
