package io.tenantconfig.server.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signs development tokens with the server's own HS256 secret and claim names, so they pass the same
 * {@code JwtDecoder} as any other token. Available only where the server validates with an HMAC secret.
 */
public class DevTokenIssuer {

    private final JwtProperties jwt;

    private final Clock clock;

    public DevTokenIssuer(JwtProperties jwt, Clock clock) {
        this.jwt = jwt;
        this.clock = clock;
    }

    /** Empty when the server validates tokens with a public key, which it cannot sign with. */
    public Optional<DevToken> issue(DevTokenRequest request) {
        String secret = jwt.getHmacSecret();
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(request.ttl());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(request.user())
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(expiresAt))
            .claim(jwt.getTenantClaim(), request.tenant())
            .claim(jwt.getRolesClaim(), request.roles());
        if (!request.scope().isEmpty()) {
            claims.claim("scope", request.scope());
        }
        if (jwt.getIssuer() != null && !jwt.getIssuer().isBlank()) {
            claims.issuer(jwt.getIssuer());
        }
        if (jwt.getAudience() != null && !jwt.getAudience().isBlank()) {
            claims.audience(jwt.getAudience());
        }
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                claims.build());
        try {
            token.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Cannot sign a development token with the configured HMAC secret", ex);
        }
        return Optional.of(new DevToken(token.serialize(), expiresAt, request.tenant(), request.roles()));
    }
}
