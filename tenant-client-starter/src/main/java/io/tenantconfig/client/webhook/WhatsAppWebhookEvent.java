package io.tenantconfig.client.webhook;

import tools.jackson.databind.JsonNode;

/**
 * One {@code entry[].changes[]} item of a webhook call, attributed to the tenant that owns its phone number.
 *
 * @param field e.g. {@code messages}
 * @param value the change's {@code value} object (messages, statuses, metadata)
 */
public record WhatsAppWebhookEvent(String tenantId, String phoneNumberId, String field, JsonNode value) {
}
