package io.tenantconfig.onboarding.flow;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Answer of a successful onboarding: the original guide's fields first, then what we learned on the way.
 *
 * @param tokenExpiresAt {@code null} when the token does not expire
 */
public record OnboardingResult(
        @JsonProperty("success") boolean success,
        @JsonProperty("message") String message,
        @JsonProperty("tenant_id") String tenantId,
        @JsonProperty("config_id") long configId,
        @JsonProperty("waba_id") String wabaId,
        @JsonProperty("phone_number_id") String phoneNumberId,
        @JsonProperty("token_expires_at") Instant tokenExpiresAt,
        @JsonProperty("scopes") List<String> scopes,
        @JsonProperty("webhook_subscription") WebhookSubscription webhookSubscription) {

    /**
     * How subscribing the app to the WABA's webhooks went.
     *
     * @param attempted  {@code false} when {@code tenant-config.meta.subscribe-after-onboarding} is off
     * @param subscribed whether Meta confirmed it
     * @param error      plain-words reason when it failed
     */
    public record WebhookSubscription(
            @JsonProperty("attempted") boolean attempted,
            @JsonProperty("subscribed") boolean subscribed,
            @JsonProperty("error") String error) {

        static WebhookSubscription skipped() {
            return new WebhookSubscription(false, false, null);
        }
    }
}
