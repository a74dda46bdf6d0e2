package io.tenantconfig.server.environment;

/** No row carries the requested label (answered 404, as the git backend answers an unknown branch). */
public class UnknownLabelException extends RuntimeException {

    public UnknownLabelException(String label) {
        super("No configuration with label '" + label + "'.");
    }
}
