package io.tenantconfig.client.config;

/**
 * The tenant's configuration lacks a value needed for the operation (e.g. no phone number id anywhere).
 */
public class TenantNotConfiguredException extends IllegalStateException {

    private final String tenantId;

    public TenantNotConfiguredException(String tenantId, String key) {
        super("Tenant '" + tenantId + "' has no " + key + " (neither from the config server nor the app's own"
                + " properties)");
        this.tenantId = tenantId;
    }

    public String tenantId() {
        return tenantId;
    }
}
