package io.tenantconfig.client.whatsapp;

/**
 * The Graph API refused or failed a send. Carries Meta's code, subcode, type, fbtrace_id, message and details;
 * never the access token. Subclasses name the error classes a caller may want to handle.
 */
public class WhatsAppApiException extends RuntimeException {

    private final String tenantId;
    private final GraphError error;

    public WhatsAppApiException(String tenantId, GraphError error, Throwable cause) {
        super(describe(tenantId, error), cause);
        this.tenantId = tenantId;
        this.error = error;
    }

    private static String describe(String tenantId, GraphError error) {
        StringBuilder text = new StringBuilder("WhatsApp send for tenant '").append(tenantId).append("' failed: ")
                .append(error.message());
        if (error.details() != null) {
            text.append(" (").append(error.details()).append(')');
        }
        text.append(" [HTTP ").append(error.httpStatus() == 0 ? "-" : error.httpStatus());
        if (error.code() != null) {
            text.append(", code ").append(error.code());
        }
        if (error.subcode() != null) {
            text.append(", subcode ").append(error.subcode());
        }
        if (error.fbtraceId() != null) {
            text.append(", fbtrace_id ").append(error.fbtraceId());
        }
        return text.append(']').toString();
    }

    /** Whether sending the same message again may succeed. */
    public boolean isRetryable() {
        return false;
    }

    /** The metric tag for this class of error. */
    public String outcome() {
        return "error";
    }

    public String tenantId() {
        return tenantId;
    }

    public GraphError error() {
        return error;
    }

    public int httpStatus() {
        return error.httpStatus();
    }

    public Integer code() {
        return error.code();
    }

    public Integer subcode() {
        return error.subcode();
    }

    public String type() {
        return error.type();
    }

    public String fbtraceId() {
        return error.fbtraceId();
    }

    public String details() {
        return error.details();
    }

    /** Meta's own message (without our prefix). */
    public String graphMessage() {
        return error.message();
    }
}
