package io.tenantconfig.server.security;

/** A development-token request with an unusable parameter (answered 400). */
public class InvalidDevTokenRequestException extends RuntimeException {

    public InvalidDevTokenRequestException(String message) {
        super(message);
    }
}
