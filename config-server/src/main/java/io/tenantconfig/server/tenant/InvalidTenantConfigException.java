package io.tenantconfig.server.tenant;

/** A request the caller can fix (400); the message names the field and never repeats its value. */
class InvalidTenantConfigException extends RuntimeException {

    private final String field;

    InvalidTenantConfigException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The JSON field at fault, or null when the body as a whole is wrong. */
    String field() {
        return field;
    }
}
