package io.tenantconfig.client.whatsapp;

/**
 * Meta throttled the send (codes 4, 17, 341, 80007, 130429): retried with back-off.
 */
public class RateLimitedException extends WhatsAppApiException {

    public RateLimitedException(String tenantId, GraphError error, Throwable cause) {
        super(tenantId, error, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }

    @Override
    public String outcome() {
        return "rate_limited";
    }
}
