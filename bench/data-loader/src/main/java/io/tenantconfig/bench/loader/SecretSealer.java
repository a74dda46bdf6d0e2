package io.tenantconfig.bench.loader;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Produces ciphertexts in the server's at-rest format {@code enc:v1:<key-id>:<base64(iv | ciphertext | tag)>}
 * (AES-256-GCM, 96-bit random IV, 128-bit tag), so the server decrypts loaded rows exactly as it decrypts its own.
 */
final class SecretSealer {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();
    private final Cipher cipher;

    SecretSealer(byte[] key, String keyId) throws GeneralSecurityException {
        if (key.length != 32) {
            throw new IllegalArgumentException("the encryption key must be 32 bytes, got " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
        this.keyId = keyId;
        this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
    }

    /** The server's key id when none is configured: first 8 hex characters of the key's SHA-256. */
    static String defaultKeyId(byte[] key) throws GeneralSecurityException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)).substring(0, 8);
    }

    String seal(String plain) throws GeneralSecurityException {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
        byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[IV_BYTES + sealed.length];
        System.arraycopy(iv, 0, out, 0, IV_BYTES);
        System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
        return "enc:v1:" + keyId + ":" + Base64.getEncoder().encodeToString(out);
    }
}
