package io.tenantconfig.server.tenant;

/** {@code POST /config} for a tenant that already has one (409). */
class TenantConfigExistsException extends RuntimeException {

    TenantConfigExistsException(String tenantId) {
        super("Tenant '" + tenantId + "' already has a configuration; change it with PUT /config.");
    }
}
