package io.tenantconfig.server.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Fixed test credentials (never used outside tests) and a JWT minter for them. */
public final class TestKeys {

    /** Base64 of 32 bytes 0x01..0x20. */
    public static final String ENCRYPTION_KEY = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";

    public static final String SERVICE_USER = "config";

    public static final String SERVICE_PASSWORD = "test-service-password";

    public static final String JWT_SECRET = "test-jwt-secret-that-is-at-least-32-bytes-long";

    private TestKeys() {
    }

    /** An HS256 token valid for five minutes with the given claims. */
    public static String jwt(Map<String, Object> claims) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().subject("user-1")
            .expirationTime(java.util.Date.from(Instant.now().plusSeconds(300)));
        claims.forEach(builder::claim);
        return sign(builder);
    }

    /** A correctly signed token that lacks {@code exp}, which the server must refuse. */
    public static String jwtWithoutExpiry(Map<String, Object> claims) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().subject("user-1");
        claims.forEach(builder::claim);
        return sign(builder);
    }

    private static String sign(JWTClaimsSet.Builder builder) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), builder.build());
            jwt.sign(new MACSigner(JWT_SECRET.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
