package io.tenantconfig.onboarding.flow;

import java.util.Optional;

import io.tenantconfig.onboarding.meta.MetaAppCredentials;

/**
 * Port: the tenant configuration storage as onboarding needs it (config-server implements it over
 * {@code tenant_configs}). Implementations throw {@link OnboardingStorageException} when storage fails.
 */
public interface OnboardingStore {

    /** The tenant's own Meta app ({@code fb_app_id} + decrypted {@code fb_app_secret}), when both are stored. */
    Optional<MetaAppCredentials> findTenantApp(String tenantId);

    /**
     * Stores the result atomically (one transaction): creates the tenant's row or updates it, sets the
     * encrypted token, its expiry and scopes, {@code token_status = valid}, {@code onboarding_completed},
     * {@code onboarded_at}, {@code last_verified_at} and {@code is_active}. Either all of it is stored or
     * nothing, so a failure leaves a previous working configuration intact.
     *
     * @return the id of the tenant's {@code tenant_configs} row
     */
    long completeOnboarding(CompletedOnboarding onboarding);

    /**
     * Records in the audit log how subscribing the app to the WABA's webhooks went.
     *
     * @param error plain-words reason when it failed, {@code null} when it worked
     */
    void recordWebhookSubscription(String tenantId, String wabaId, boolean subscribed, String error);
}
