package io.tenantconfig.client.whatsapp;

/**
 * The message template was refused (codes 132xxx): fix the template or its parameters.
 */
public class TemplateException extends WhatsAppApiException {

    public TemplateException(String tenantId, GraphError error, Throwable cause) {
        super(tenantId, error, cause);
    }

    @Override
    public String outcome() {
        return "template";
    }
}
