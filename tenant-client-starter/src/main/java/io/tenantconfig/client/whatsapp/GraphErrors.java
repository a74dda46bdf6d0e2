package io.tenantconfig.client.whatsapp;

import java.util.Set;

import org.springframework.http.MediaType;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a failed Graph API answer into the matching {@link WhatsAppApiException} subclass.
 */
final class GraphErrors {

    static final int ACCESS_TOKEN = 190;
    private static final Set<Integer> THROTTLING = Set.of(4, 17, 341, 80007, 130429);
    private static final Set<Integer> TRANSIENT = Set.of(1, 2, 131000, 131016);
    private static final Set<Integer> RECIPIENT = Set.of(131021, 131026, 131030, 131047);

    private final JsonMapper jsonMapper;

    GraphErrors(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    WhatsAppApiException fromResponse(String tenantId, String accessToken, int httpStatus, MediaType contentType,
            byte[] body) {
        JsonNode error = readError(body);
        if (error == null) {
            String type = contentType == null ? "no content type" : contentType.toString();
            GraphError unreadable = new GraphError(httpStatus, null, null, null, null,
                    "Graph API answered HTTP " + httpStatus + " with a body that is not a Graph error (" + type + ", "
                            + body.length + " bytes)", null);
            return classify(tenantId, unreadable, null);
        }
        GraphError parsed = new GraphError(httpStatus, intOrNull(error.path("code")),
                intOrNull(error.path("error_subcode")), textOrNull(error.path("type"), accessToken),
                textOrNull(error.path("fbtrace_id"), accessToken),
                orDefault(textOrNull(error.path("message"), accessToken), "no message"),
                textOrNull(error.path("error_data").path("details"), accessToken));
        return classify(tenantId, parsed, null);
    }

    static WhatsAppApiException classify(String tenantId, GraphError error, Throwable cause) {
        Integer code = error.code();
        if (code != null && code == ACCESS_TOKEN) {
            return new AccessTokenException(tenantId, error, cause);
        }
        if ((code != null && THROTTLING.contains(code)) || error.httpStatus() == 429) {
            return new RateLimitedException(tenantId, error, cause);
        }
        if ((code != null && TRANSIENT.contains(code)) || error.httpStatus() >= 500 || error.httpStatus() == 0) {
            return new TransientException(tenantId, error, cause);
        }
        if (code != null && code >= 132000 && code < 133000) {
            return new TemplateException(tenantId, error, cause);
        }
        if (code != null && RECIPIENT.contains(code)) {
            return new RecipientException(tenantId, error, cause);
        }
        return new WhatsAppApiException(tenantId, error, cause);
    }

    private JsonNode readError(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode error = jsonMapper.readTree(body).path("error");
            return error.isObject() ? error : null;
        }
        catch (JacksonException ex) {
            return null;
        }
    }

    private static Integer intOrNull(JsonNode node) {
        return node.isNumber() || node.isString() && node.asString().matches("-?\\d{1,9}") ? node.asInt() : null;
    }

    /** Meta's text, with the token blanked in case a message ever echoes it. */
    private static String textOrNull(JsonNode node, String accessToken) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        String text = node.asString();
        return accessToken == null || accessToken.isEmpty() ? text : text.replace(accessToken, "***");
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
