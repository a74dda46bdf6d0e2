package io.tenantconfig.client.whatsapp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends WhatsApp messages for one tenant, with that tenant's phone number id and token. Cheap to create;
 * the config is looked up (from the cache) for every send so that a reloaded token is used at once.
 */
public final class TenantMessenger {

    private final WhatsAppClient client;
    private final String tenantId;

    TenantMessenger(WhatsAppClient client, String tenantId) {
        this.client = client;
        this.tenantId = tenantId;
    }

    public String tenantId() {
        return tenantId;
    }

    /** Sends a text message. */
    public SendResult sendText(String to, String body) {
        Map<String, Object> message = textBody(to, body);
        return client.send(tenantId, message);
    }

    /** Sends a template message whose body takes the given text parameters, in order. */
    public SendResult sendTemplate(String to, String templateName, String languageCode, List<String> bodyParameters) {
        return client.send(tenantId, templateBody(to, templateName, languageCode, bodyComponents(bodyParameters)));
    }

    /**
     * Sends a template message with components in Meta's shape (header, body, buttons), e.g.
     * {@code Map.of("type", "body", "parameters", List.of(Map.of("type", "text", "text", "Ada")))}.
     */
    public SendResult sendTemplateWithComponents(String to, String templateName, String languageCode,
            List<Map<String, Object>> components) {
        return client.send(tenantId, templateBody(to, templateName, languageCode, components));
    }

    /**
     * Sends an image, audio, video, document or sticker, by public https link or by uploaded media id.
     * @param caption ignored when null; refused for types that take none
     */
    public SendResult sendMedia(String to, MediaKind kind, String linkOrMediaId, String caption) {
        return client.send(tenantId, mediaBody(to, kind, linkOrMediaId, caption));
    }

    /** Builds the text send request without sending it (what {@link #sendText} posts). */
    public GraphRequest prepareText(String to, String body) {
        return client.prepare(client.config(tenantId), textBody(to, body));
    }

    static Map<String, Object> textBody(String to, String body) {
        if (body == null || body.isEmpty()) {
            throw new IllegalArgumentException("text body must not be empty");
        }
        Map<String, Object> message = envelope(to, "text");
        message.put("text", Map.of("body", body));
        return message;
    }

    static Map<String, Object> templateBody(String to, String templateName, String languageCode,
            List<Map<String, Object>> components) {
        if (templateName == null || templateName.isBlank() || languageCode == null || languageCode.isBlank()) {
            throw new IllegalArgumentException("template name and language code are required");
        }
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("name", templateName);
        template.put("language", Map.of("code", languageCode));
        if (components != null && !components.isEmpty()) {
            template.put("components", List.copyOf(components));
        }
        Map<String, Object> message = envelope(to, "template");
        message.put("template", template);
        return message;
    }

    static List<Map<String, Object>> bodyComponents(List<String> bodyParameters) {
        if (bodyParameters == null || bodyParameters.isEmpty()) {
            return List.of();
        }
        List<Map<String, Object>> parameters = new ArrayList<>(bodyParameters.size());
        for (String value : bodyParameters) {
            parameters.add(Map.of("type", "text", "text", value));
        }
        return List.of(Map.of("type", "body", "parameters", parameters));
    }

    static Map<String, Object> mediaBody(String to, MediaKind kind, String linkOrMediaId, String caption) {
        if (kind == null || linkOrMediaId == null || linkOrMediaId.isBlank()) {
            throw new IllegalArgumentException("media type and link or media id are required");
        }
        if (caption != null && !kind.acceptsCaption()) {
            throw new IllegalArgumentException(kind.graphName() + " messages take no caption");
        }
        Map<String, Object> media = new LinkedHashMap<>();
        boolean link = linkOrMediaId.startsWith("https://") || linkOrMediaId.startsWith("http://");
        media.put(link ? "link" : "id", linkOrMediaId);
        if (caption != null) {
            media.put("caption", caption);
        }
        Map<String, Object> message = envelope(to, kind.graphName());
        message.put(kind.graphName(), media);
        return message;
    }

    private static Map<String, Object> envelope(String to, String type) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("messaging_product", "whatsapp");
        message.put("recipient_type", "individual");
        message.put("to", RecipientNumbers.normalize(to));
        message.put("type", type);
        return message;
    }

    @Override
    public String toString() {
        return "TenantMessenger[tenant=" + tenantId + "]";
    }
}
