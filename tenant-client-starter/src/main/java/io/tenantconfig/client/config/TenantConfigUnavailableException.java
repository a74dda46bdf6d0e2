package io.tenantconfig.client.config;

/**
 * The config server could not be reached (or refused) and there is no last good answer for the tenant.
 */
public class TenantConfigUnavailableException extends RuntimeException {

    private final String tenantId;

    public TenantConfigUnavailableException(String tenantId, Throwable cause) {
        super("No configuration available for tenant '" + tenantId + "': " + cause.getMessage()
                + " (and no earlier answer to fall back on)", cause);
        this.tenantId = tenantId;
    }

    public String tenantId() {
        return tenantId;
    }
}
