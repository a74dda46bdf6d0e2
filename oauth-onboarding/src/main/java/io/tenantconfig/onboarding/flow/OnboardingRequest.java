package io.tenantconfig.onboarding.flow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Body of {@code POST /api/v1/tenant/onboard/whatsapp-client}.
 *
 * @param code          the authorization code from Meta (dialog redirect or Embedded Signup)
 * @param redirectUri   the dialog's redirect URI; absent for Embedded Signup
 * @param state         the state issued by {@code GET /onboard/start}
 */
public record OnboardingRequest(
        @JsonProperty("code") String code,
        @JsonProperty("waba_id") String wabaId,
        @JsonProperty("phone_number_id") String phoneNumberId,
        @JsonProperty("redirect_uri") String redirectUri,
        @JsonProperty("state") String state) {

    /** Every field a request may carry, in its JSON spelling. */
    public static final List<String> FIELDS = List.of("code", "state", "waba_id", "phone_number_id", "redirect_uri");

    private static final JsonMapper STRICT_JSON = JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();

    /**
     * Reads a request body as strictly as the tenant API does: one JSON object, no field twice, no unknown
     * field, every field a string (or {@code null}, meaning absent). Errors name the field but never quote a
     * submitted value, which may be an authorization code.
     *
     * @throws InvalidOnboardingRequestException when the body is none of that
     */
    public static OnboardingRequest parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidOnboardingRequestException(null,
                    "the request body is missing: send a JSON object with " + String.join(", ", FIELDS));
        }
        JsonNode root;
        try {
            root = STRICT_JSON.readTree(body);
        }
        catch (JacksonException ex) {
            String problem = ex.getOriginalMessage() != null && ex.getOriginalMessage().startsWith("Duplicate")
                    ? "the request body names a field twice" : "the request body is not valid JSON";
            throw new InvalidOnboardingRequestException(null, problem + where(ex));
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new InvalidOnboardingRequestException(null, "the request body must be a JSON object");
        }
        Map<String, String> values = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            String name = entry.getKey();
            if (!FIELDS.contains(name)) {
                String printable = printable(name);
                throw new InvalidOnboardingRequestException(printable, "unknown field '" + printable
                        + "'; accepted fields: " + String.join(", ", FIELDS));
            }
            JsonNode value = entry.getValue();
            if (!value.isNull() && !value.isString()) {
                throw new InvalidOnboardingRequestException(name, name + " must be a JSON string");
            }
            values.put(name, value.isNull() ? null : value.asString());
        }
        return new OnboardingRequest(values.get("code"), values.get("waba_id"), values.get("phone_number_id"),
                values.get("redirect_uri"), values.get("state"));
    }

    private static String where(JacksonException ex) {
        TokenStreamLocation location = ex.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** An unknown field's name is echoed to help the caller, but only as far as it is harmless. */
    private static String printable(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9_.-]", "?");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) + "..." : cleaned;
    }

    @Override
    public String toString() {
        return "OnboardingRequest[code=***, wabaId=" + wabaId + ", phoneNumberId=" + phoneNumberId
                + ", redirectUri=" + redirectUri + ", state=***]";
    }
}
