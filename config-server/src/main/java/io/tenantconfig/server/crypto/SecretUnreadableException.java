package io.tenantconfig.server.crypto;

/**
 * A stored secret cannot be decrypted (unknown or retired key id, tampered ciphertext). Names the owner and
 * the key id, never the value: such a secret must never be treated as absent.
 */
public class SecretUnreadableException extends RuntimeException {

    private final String owner;

    private final String keyId;

    public SecretUnreadableException(String owner, String keyId, String reason) {
        super("Stored secret of '" + owner + "' cannot be read with key id '" + keyId + "': " + reason);
        this.owner = owner;
        this.keyId = keyId;
    }

    public String owner() {
        return owner;
    }

    public String keyId() {
        return keyId;
    }
}
