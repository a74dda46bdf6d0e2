package io.tenantconfig.client.whatsapp;

/**
 * A temporary Graph API failure (codes 1, 2, 131000, 131016, HTTP 5xx, timeout, I/O): retried with back-off.
 */
public class TransientException extends WhatsAppApiException {

    public TransientException(String tenantId, GraphError error, Throwable cause) {
        super(tenantId, error, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }

    @Override
    public String outcome() {
        return "transient";
    }
}
