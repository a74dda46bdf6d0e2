package io.tenantconfig.server.tenant;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fields a tenant may set through {@code POST} and {@code PUT /config}: JSON name, column and the rule its
 * value must meet. Everything else in a request body is refused, so a typo never passes silently.
 */
enum TenantConfigField {

    WABA_ID("waba_id", Kind.DIGITS, 32),
    PHONE_NUMBER_ID("phone_number_id", Kind.DIGITS, 32),
    FB_APP_ID("fb_app_id", Kind.DIGITS, 32),
    CALLBACK_URL("callback_url", Kind.URL, 2048),
    REDIRECT_URL("redirect_url", Kind.URL, 2048),
    // Meta's long-lived tokens are a few hundred characters; the bound leaves room for format changes
    ACCESS_TOKEN("access_token", Kind.SECRET, 4096),
    FB_APP_SECRET("fb_app_secret", Kind.SECRET, 256),
    VERIFY_TOKEN("verify_token", Kind.SECRET, 256),
    IS_ACTIVE("is_active", Kind.BOOLEAN, 0);

    /** How a value is checked and stored. */
    enum Kind {
        /** A string of 1 to {@code maxLength} ASCII digits (Meta's ids exceed a long's safe JSON range). */
        DIGITS,
        /** An https URL (plain http only for localhost), at most {@code maxLength} characters. */
        URL,
        /** Printable text, encrypted before it is stored, never echoed unmasked. */
        SECRET,
        /** JSON true or false; never null, the column is NOT NULL. */
        BOOLEAN
    }

    private static final Map<String, TenantConfigField> BY_JSON_NAME = Arrays.stream(values())
        .collect(Collectors.toUnmodifiableMap(TenantConfigField::jsonName, Function.identity()));

    private final String jsonName;

    private final Kind kind;

    private final int maxLength;

    TenantConfigField(String jsonName, Kind kind, int maxLength) {
        this.jsonName = jsonName;
        this.kind = kind;
        this.maxLength = maxLength;
    }

    static Optional<TenantConfigField> byJsonName(String name) {
        return Optional.ofNullable(BY_JSON_NAME.get(name));
    }

    String jsonName() {
        return jsonName;
    }

    /** The JSON names are the column names of {@code tenant_configs}. */
    String column() {
        return jsonName;
    }

    Kind kind() {
        return kind;
    }

    int maxLength() {
        return maxLength;
    }

    boolean secret() {
        return kind == Kind.SECRET;
    }

    boolean nullable() {
        return kind != Kind.BOOLEAN;
    }
}
