package io.tenantconfig.server.tenant;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Tokens the server must refuse, each wrong in one way only (otherwise well-formed, tenant claim present). */
final class ForgedTokens {

    static final KeyPair RSA = rsaKeyPair();

    private ForgedTokens() {
    }

    static JWTClaimsSet claims(String tenant, Instant expiry) {
        return new JWTClaimsSet.Builder().subject("forger")
            .claim("tenant_id", tenant)
            .expirationTime(Date.from(expiry))
            .build();
    }

    static String unsigned(String tenant) {
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = base64Url(claims(tenant, Instant.now().plusSeconds(300)).toString());
        return header + "." + payload + ".";
    }

    static String hmac(String tenant, String secret, Instant expiry) {
        try {
            return sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)), JWSAlgorithm.HS256,
                    claims(tenant, expiry));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String rs256(String tenant, RSAPrivateKey key) {
        return sign(new RSASSASigner(key), JWSAlgorithm.RS256, claims(tenant, Instant.now().plusSeconds(300)));
    }

    static String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(RSA.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static String sign(JWSSigner signer, JWSAlgorithm algorithm, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims);
            jwt.sign(signer);
            return jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
