package io.tenantconfig.server.tenant;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checked body of {@code POST} or {@code PUT /config}: the fields it sets, in plaintext. A field that is
 * absent is not in {@link #values()}; a field sent as JSON {@code null} maps to {@code null} (clear it).
 * Parsing is done here rather than by data binding so that "absent" and "null" stay apart, duplicate keys and
 * unknown fields are refused, and no error message ever quotes a submitted value.
 */
record TenantConfigInput(Map<TenantConfigField, Object> values) {

    private static final JsonMapper STRICT_JSON = JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    /** Fields of the response that a request may not set, each with the reason. */
    private static final Map<String, String> READ_ONLY = Map.ofEntries(
            Map.entry("tenant_id", "tenant_id is taken from the bearer token and cannot be sent."),
            Map.entry("user_id", "user_id is taken from the bearer token (sub) and cannot be sent."),
            Map.entry("id", "id is assigned by the server."),
            Map.entry("refresh_token", "refresh_token is set by OAuth onboarding only."),
            Map.entry("onboarding_completed", "onboarding_completed is set by OAuth onboarding only."),
            Map.entry("onboarded_at", "onboarded_at is set by OAuth onboarding only."),
            Map.entry("token_expires_at", "token_expires_at is set by OAuth onboarding only."),
            Map.entry("token_status", "token_status is set by OAuth onboarding only."),
            Map.entry("created_at", "created_at is maintained by the server."),
            Map.entry("updated_at", "updated_at is maintained by the server."));

    TenantConfigInput {
        values = Collections.unmodifiableMap(new EnumMap<>(values));
    }

    static TenantConfigInput parse(byte[] body) {
        JsonNode root;
        try {
            root = STRICT_JSON.readTree(body);
        }
        catch (JacksonException ex) {
            throw new InvalidTenantConfigException(null, "The request body is not valid JSON" + where(ex) + ".");
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new InvalidTenantConfigException(null, "The request body must be a JSON object.");
        }
        Map<TenantConfigField, Object> values = new EnumMap<>(TenantConfigField.class);
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            String name = entry.getKey();
            TenantConfigField field = TenantConfigField.byJsonName(name)
                .orElseThrow(() -> new InvalidTenantConfigException(name, READ_ONLY.getOrDefault(name,
                        "Unknown field '" + printable(name) + "'. Accepted fields: " + acceptedFields() + ".")));
            values.put(field, value(field, entry.getValue()));
        }
        return new TenantConfigInput(values);
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    boolean has(TenantConfigField field) {
        return values.containsKey(field);
    }

    private static Object value(TenantConfigField field, JsonNode node) {
        String name = field.jsonName();
        if (node.isNull()) {
            if (!field.nullable()) {
                throw new InvalidTenantConfigException(name, name + " cannot be null; send true or false.");
            }
            return null;
        }
        if (field.kind() == TenantConfigField.Kind.BOOLEAN) {
            if (!node.isBoolean()) {
                throw new InvalidTenantConfigException(name, name + " must be a JSON boolean (true or false).");
            }
            return node.booleanValue();
        }
        if (!node.isString()) {
            throw new InvalidTenantConfigException(name, name + " must be a JSON string"
                    + (field.kind() == TenantConfigField.Kind.DIGITS ? " of digits (quote the id)." : "."));
        }
        String text = node.stringValue();
        if (text.isBlank()) {
            throw new InvalidTenantConfigException(name, name + " must not be empty; send null to clear it.");
        }
        if (text.length() > field.maxLength()) {
            throw new InvalidTenantConfigException(name, name + " is longer than " + field.maxLength()
                    + " characters.");
        }
        if (hasUnpairedSurrogate(text)) {
            // a JSON escape can carry half a character, which PostgreSQL's UTF-8 text cannot store
            throw new InvalidTenantConfigException(name, name + " contains an invalid character (an unpaired UTF-16 "
                    + "surrogate); send text that is valid Unicode.");
        }
        switch (field.kind()) {
            case DIGITS -> requireDigits(name, text);
            case URL -> requireUrl(name, text);
            case SECRET -> requireSecret(name, text);
            default -> throw new IllegalStateException("unhandled kind " + field.kind());
        }
        return text;
    }

    private static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            }
            else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static void requireDigits(String name, String text) {
        if (!DIGITS.matcher(text).matches()) {
            throw new InvalidTenantConfigException(name, name + " must contain digits only (1-32 of them).");
        }
    }

    private static void requireUrl(String name, String text) {
        URI uri;
        try {
            uri = new URI(text);
        }
        catch (URISyntaxException ex) {
            throw new InvalidTenantConfigException(name, name + " is not a valid absolute URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (host == null || uri.getRawUserInfo() != null) {
            throw new InvalidTenantConfigException(name, name
                    + " must be an absolute URL with a host and no user info, e.g. https://example.com/webhook.");
        }
        boolean secure = scheme.equals("https");
        boolean loopback = scheme.equals("http") && LOOPBACK_HOSTS.contains(host);
        if (!secure && !loopback) {
            throw new InvalidTenantConfigException(name, name
                    + " must use https (plain http is allowed only for localhost, 127.0.0.1 and [::1]).");
        }
    }

    private static void requireSecret(String name, String text) {
        if (!text.equals(text.strip()) || text.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidTenantConfigException(name, name
                    + " must not contain control characters or leading/trailing spaces.");
        }
        if (text.startsWith(SecretMask.MASK)) {
            // a form that echoes the masked GET answer back must not overwrite the real secret with its mask
            throw new InvalidTenantConfigException(name, name
                    + " looks like a masked value; send the real secret, or leave the field out to keep it.");
        }
    }

    private static String where(JacksonException ex) {
        TokenStreamLocation location = ex.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** Field names are echoed to help the caller, but only as far as they are harmless. */
    private static String printable(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9_.-]", "?");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) + "..." : cleaned;
    }

    private static String acceptedFields() {
        StringBuilder names = new StringBuilder();
        for (TenantConfigField field : TenantConfigField.values()) {
            names.append(names.isEmpty() ? "" : ", ").append(field.jsonName());
        }
        return names.toString();
    }
}
