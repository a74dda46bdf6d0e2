package io.tenantconfig.server.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import org.springframework.core.io.ResourceLoader;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Builds the one {@link JwtDecoder} from {@code tenant-config.security.jwt.*}. Each key source admits only its
 * own algorithms (HS256 for a shared secret; RS256/ES256 for public keys), so {@code alg: none} and algorithm
 * confusion are refused by construction. {@code exp} is required, {@code nbf} honoured, with a small skew.
 */
final class JwtDecoders {

    private static final int MIN_HMAC_BYTES = 32;

    private JwtDecoders() {
    }

    static boolean isConfigured(JwtProperties properties) {
        return hasText(properties.getHmacSecret()) || hasText(properties.getPublicKeyLocation())
                || hasText(properties.getJwkSetUri());
    }

    static JwtDecoder build(JwtProperties properties, ResourceLoader resources) {
        int sources = (hasText(properties.getHmacSecret()) ? 1 : 0)
                + (hasText(properties.getPublicKeyLocation()) ? 1 : 0) + (hasText(properties.getJwkSetUri()) ? 1 : 0);
        if (sources != 1) {
            throw new IllegalStateException("Configure exactly one of tenant-config.security.jwt.hmac-secret, "
                    + "public-key-location or jwk-set-uri.");
        }
        NimbusJwtDecoder decoder;
        if (hasText(properties.getHmacSecret())) {
            byte[] secret = properties.getHmacSecret().getBytes(StandardCharsets.UTF_8);
            if (secret.length < MIN_HMAC_BYTES) {
                throw new IllegalStateException("tenant-config.security.jwt.hmac-secret must be at least "
                        + MIN_HMAC_BYTES + " bytes for HS256.");
            }
            decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        }
        else if (hasText(properties.getPublicKeyLocation())) {
            decoder = publicKeyDecoder(readPublicKey(properties.getPublicKeyLocation(), resources));
        }
        else {
            decoder = NimbusJwtDecoder.withJwkSetUri(properties.getJwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .build();
        }
        decoder.setJwtValidator(validator(properties));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> validator(JwtProperties properties) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtTimestampValidator(properties.getClockSkew()));
        validators.add(new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
        if (hasText(properties.getIssuer())) {
            validators.add(new JwtIssuerValidator(properties.getIssuer()));
        }
        if (hasText(properties.getAudience())) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    audience -> audience != null && audience.contains(properties.getAudience())));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static NimbusJwtDecoder publicKeyDecoder(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return NimbusJwtDecoder.withPublicKey(rsa).signatureAlgorithm(SignatureAlgorithm.RS256).build();
        }
        if (key instanceof ECPublicKey ec) {
            JWKSet keys = new JWKSet(new ECKey.Builder(Curve.P_256, ec).build());
            return NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(keys))
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .build();
        }
        throw new IllegalStateException("tenant-config.security.jwt.public-key-location must hold an RSA or "
                + "P-256 EC public key.");
    }

    private static PublicKey readPublicKey(String location, ResourceLoader resources) {
        try (InputStream in = resources.getResource(location).getInputStream()) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
            X509EncodedKeySpec spec = new X509EncodedKeySpec(Base64.getDecoder().decode(pem));
            for (String algorithm : List.of("RSA", "EC")) {
                try {
                    return KeyFactory.getInstance(algorithm).generatePublic(spec);
                }
                catch (GeneralSecurityException ex) {
                    // not this algorithm: try the next one
                }
            }
            throw new IllegalStateException("No RSA or EC public key in " + location);
        }
        catch (IOException | IllegalArgumentException ex) {
            throw new IllegalStateException("Cannot read a PEM public key from " + location, ex);
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
