package io.tenantconfig.client.whatsapp;

/**
 * The recipient cannot get this message (e.g. 131030 not in the allowed list, 131047 outside the 24-hour window).
 */
public class RecipientException extends WhatsAppApiException {

    public RecipientException(String tenantId, GraphError error, Throwable cause) {
        super(tenantId, error, cause);
    }

    @Override
    public String outcome() {
        return "recipient";
    }
}
