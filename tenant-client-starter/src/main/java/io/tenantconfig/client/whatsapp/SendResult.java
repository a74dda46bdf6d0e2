package io.tenantconfig.client.whatsapp;

/**
 * A message Meta accepted.
 *
 * @param wamid Meta's message id ({@code messages[0].id})
 * @param waId the recipient's WhatsApp id ({@code contacts[0].wa_id}), null when Meta did not say
 */
public record SendResult(String tenantId, String wamid, String waId) {
}
