package io.tenantconfig.client.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.tenantconfig.client.config.TenantConfig;
import io.tenantconfig.client.config.TenantConfigLoader;

/**
 * Checks Meta's webhook calls against the tenant's own secrets: the subscription challenge against its verify
 * token, and {@code X-Hub-Signature-256} against an HMAC-SHA256 of the raw body with its app secret. Both
 * comparisons take constant time.
 */
public class WebhookVerifier {

    static final String SIGNATURE_PREFIX = "sha256=";
    private static final int SIGNATURE_HEX_LENGTH = 64;

    private final TenantConfigLoader loader;

    public WebhookVerifier(TenantConfigLoader loader) {
        this.loader = loader;
    }

    /**
     * The body to answer a subscription GET with: the challenge when {@code mode} is {@code subscribe} and the
     * token equals the tenant's verify token; empty otherwise (answer 403).
     */
    public Optional<String> challengeAnswer(String tenantId, String mode, String verifyToken, String challenge) {
        if (!"subscribe".equals(mode) || verifyToken == null || challenge == null) {
            return Optional.empty();
        }
        String expected = loader.forTenant(tenantId).verifyToken();
        if (expected == null || expected.isEmpty()) {
            return Optional.empty();
        }
        boolean matches = MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                verifyToken.getBytes(StandardCharsets.UTF_8));
        return matches ? Optional.of(challenge) : Optional.empty();
    }

    /**
     * Whether {@code signatureHeader} is {@code sha256=<hex>} of the raw body under the tenant's app secret.
     * A missing or malformed header, or a tenant without an app secret, is never valid.
     */
    public boolean isSignatureValid(String tenantId, byte[] rawBody, String signatureHeader) {
        if (rawBody == null || signatureHeader == null || !signatureHeader.startsWith(SIGNATURE_PREFIX)) {
            return false;
        }
        String hex = signatureHeader.substring(SIGNATURE_PREFIX.length()).strip();
        if (hex.length() != SIGNATURE_HEX_LENGTH) {
            return false;
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(hex);
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
        TenantConfig config = loader.forTenant(tenantId);
        String appSecret = config.appSecret();
        if (appSecret == null || appSecret.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(hmacSha256(appSecret, rawBody), presented);
    }

    static byte[] hmacSha256(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        }
        catch (NoSuchAlgorithmException | InvalidKeyException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }
}
