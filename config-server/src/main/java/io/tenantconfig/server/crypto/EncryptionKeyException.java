package io.tenantconfig.server.crypto;

/** The configured encryption key is missing or unusable. The message never contains key material. */
public class EncryptionKeyException extends RuntimeException {

    public EncryptionKeyException(String message) {
        super(message);
    }
}
