package io.tenantconfig.server.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for secrets at rest. Format {@code enc:v1:<key-id>:<base64(iv ‖ ciphertext ‖ tag)>}: the key id
 * lets keys rotate, the prefix tells a ciphertext from a hand-typed plaintext value.
 */
public final class SecretCipher {

    public static final String PREFIX = "enc:v1:";

    private static final int IV_BYTES = 12;

    private static final int TAG_BITS = 128;

    private static final int KEY_BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    private final String currentKeyId;

    private final Map<String, SecretKey> keys;

    private SecretCipher(String currentKeyId, Map<String, SecretKey> keys) {
        this.currentKeyId = currentKeyId;
        this.keys = Map.copyOf(keys);
    }

    /** Builds the cipher from bound properties; throws {@link EncryptionKeyException} without echoing keys. */
    public static SecretCipher from(EncryptionProperties properties) {
        if (properties.getKey() == null || properties.getKey().isBlank()) {
            throw new EncryptionKeyException("No encryption key configured: set TENANT_CONFIG_ENCRYPTION_KEY "
                    + "(tenant-config.encryption.key) to the base64 of 32 random bytes, e.g. `openssl rand -base64 32`.");
        }
        byte[] current = decodeKey(properties.getKey(), "TENANT_CONFIG_ENCRYPTION_KEY");
        String keyId = properties.getKeyId() == null || properties.getKeyId().isBlank() ? defaultKeyId(current)
                : properties.getKeyId();
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        properties.getRetiredKeys().forEach((id, encoded) -> keys.put(id,
                new SecretKeySpec(decodeKey(encoded, "tenant-config.encryption.retired-keys." + id), "AES")));
        keys.put(keyId, new SecretKeySpec(current, "AES"));
        return new SecretCipher(keyId, keys);
    }

    /** First 8 hex characters of the key's SHA-256: stable, and reveals nothing usable about the key. */
    public static String defaultKeyId(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest).substring(0, 8);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 unavailable", ex);
        }
    }

    private static byte[] decodeKey(String encoded, String name) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded.trim());
        }
        catch (IllegalArgumentException ex) {
            throw new EncryptionKeyException(name + " is not valid base64; expected the base64 of 32 random bytes.");
        }
        if (bytes.length != KEY_BYTES) {
            throw new EncryptionKeyException(name + " decodes to " + bytes.length
                    + " bytes; AES-256 needs exactly 32 (base64 of 32 random bytes).");
        }
        return bytes;
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    public static boolean isEncrypted(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return PREFIX + currentKeyId + ":" + Base64.getEncoder().encodeToString(out);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("AES-GCM encryption failed", ex);
        }
    }

    /**
     * Decrypts an {@code enc:v1:} value; any other value is returned unchanged (hand-typed plaintext).
     * @param owner tenant or application the value belongs to, named in the error
     */
    public String decrypt(String value, String owner) {
        if (!isEncrypted(value)) {
            return value;
        }
        String rest = value.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon <= 0) {
            throw new SecretUnreadableException(owner, "?", "malformed ciphertext");
        }
        String keyId = rest.substring(0, colon);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new SecretUnreadableException(owner, keyId, "no such key configured");
        }
        try {
            byte[] data = Base64.getDecoder().decode(rest.substring(colon + 1));
            if (data.length <= IV_BYTES) {
                throw new SecretUnreadableException(owner, keyId, "ciphertext too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
            return new String(cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException | GeneralSecurityException ex) {
            throw new SecretUnreadableException(owner, keyId, "ciphertext altered or written with another key");
        }
    }
}
