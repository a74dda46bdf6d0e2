package io.tenantconfig.client.webhook;

/**
 * Receives verified, routed webhook events from the starter's webhook endpoint. Declare beans of this type.
 */
@FunctionalInterface
public interface WhatsAppWebhookHandler {

    void handle(WhatsAppWebhookEvent event);
}
