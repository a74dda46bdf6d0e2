package io.tenantconfig.client.webhook;

import java.util.Map;
import java.util.Optional;

/**
 * Phone number ids mapped to tenants in the app's configuration.
 */
public final class ConfiguredPhoneNumberLookup implements PhoneNumberTenantLookup {

    private final Map<String, String> tenantsByPhoneNumberId;

    public ConfiguredPhoneNumberLookup(Map<String, String> tenantsByPhoneNumberId) {
        this.tenantsByPhoneNumberId = Map.copyOf(tenantsByPhoneNumberId);
    }

    @Override
    public Optional<String> tenantFor(String phoneNumberId) {
        return Optional.ofNullable(tenantsByPhoneNumberId.get(phoneNumberId));
    }
}
