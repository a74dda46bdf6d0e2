package io.tenantconfig.server.environment;

/** A config-protocol request with an unusable application, profile or label (answered 400). */
public class InvalidConfigRequestException extends RuntimeException {

    public InvalidConfigRequestException(String message) {
        super(message);
    }
}
