package io.tenantconfig.client.webhook;

import java.util.Optional;

/**
 * Tells which tenant owns a WhatsApp phone number id. Supply your own bean (e.g. backed by your tenant
 * registry); the starter's default reads {@code tenant.config.webhook.phone-numbers}.
 */
@FunctionalInterface
public interface PhoneNumberTenantLookup {

    Optional<String> tenantFor(String phoneNumberId);
}
