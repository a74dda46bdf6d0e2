package io.tenantconfig.server.tenant;

/** The tenant has no configuration row (404). */
class TenantConfigNotFoundException extends RuntimeException {

    TenantConfigNotFoundException(String tenantId) {
        super("Tenant '" + tenantId + "' has no configuration.");
    }
}
