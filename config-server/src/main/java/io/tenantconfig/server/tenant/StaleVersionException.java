package io.tenantconfig.server.tenant;

/** {@code If-Match} named a version the row no longer has (412): someone else changed it first. */
class StaleVersionException extends RuntimeException {

    StaleVersionException(String tenantId) {
        super("The configuration of tenant '" + tenantId + "' changed since it was read (If-Match does not "
                + "match its ETag). Read it again and repeat the change.");
    }
}
