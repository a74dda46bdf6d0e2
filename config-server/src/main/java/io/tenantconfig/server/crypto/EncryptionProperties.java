package io.tenantconfig.server.crypto;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for secrets at rest, bound from {@code tenant-config.encryption.*}
 * ({@code TENANT_CONFIG_ENCRYPTION_KEY} in the environment).
 */
@ConfigurationProperties("tenant-config.encryption")
public class EncryptionProperties {

    /** Base64 of the 32-byte AES-256 key that encrypts new secrets. */
    private String key;

    /** Id written into each ciphertext; defaults to the first 8 hex characters of the key's SHA-256. */
    private String keyId;

    /** Older keys by id (base64), used only to decrypt values written before a rotation. */
    private Map<String, String> retiredKeys = new LinkedHashMap<>();

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getKeyId() {
        return keyId;
    }

    public void setKeyId(String keyId) {
        this.keyId = keyId;
    }

    public Map<String, String> getRetiredKeys() {
        return retiredKeys;
    }

    public void setRetiredKeys(Map<String, String> retiredKeys) {
        this.retiredKeys = retiredKeys;
    }
}
