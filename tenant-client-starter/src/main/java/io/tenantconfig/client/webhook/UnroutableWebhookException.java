package io.tenantconfig.client.webhook;

/**
 * A webhook event names a phone number id that is unknown or belongs to another tenant; none of the call's
 * events is handled.
 */
public class UnroutableWebhookException extends RuntimeException {

    public UnroutableWebhookException(String message) {
        super(message);
    }
}
