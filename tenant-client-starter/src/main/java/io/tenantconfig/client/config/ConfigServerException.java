package io.tenantconfig.client.config;

/**
 * No config server gave a usable answer. The message names servers without their credentials.
 */
public class ConfigServerException extends RuntimeException {

    public ConfigServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
