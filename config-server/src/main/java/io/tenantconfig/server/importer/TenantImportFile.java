package io.tenantconfig.server.importer;

import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantconfig.server.environment.ConfigRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON an operator imports with {@code java -jar config-server.jar import <file>}: tenants (one
 * {@code tenant_configs} row each, field names as the table's columns) and {@code config_properties} rows for
 * tenants or for the shared {@code application}. {@link #parse} refuses unknown fields and {@link #problems}
 * lists every bad entry by its position, so an operator can fix the whole file in one go.
 *
 * @param tenants    tenants to create or replace
 * @param properties properties to create or replace
 */
public record TenantImportFile(List<Tenant> tenants, List<Property> properties) {

    private static final JsonMapper JSON = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .build();

    private static final Pattern META_ID = Pattern.compile("[0-9]{1,32}");

    private static final Pattern PROPERTY_KEY = Pattern.compile("[A-Za-z0-9_.\\[\\]-]{1,256}");

    private static final int MAX_TOKEN = 4096;

    private static final int MAX_SECRET = 256;

    private static final int MAX_TEXT = 2048;

    public TenantImportFile {
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
        properties = properties == null ? List.of() : List.copyOf(properties);
    }

    /**
     * One tenant, replaced as a whole on import: a field left out is stored as empty (or its default).
     * Timestamps are ISO-8601 with an offset, e.g. {@code 2027-01-31T00:00:00Z}.
     */
    public record Tenant(@JsonProperty("tenant_id") String tenantId, @JsonProperty("user_id") String userId,
            @JsonProperty("is_active") Boolean active, @JsonProperty("waba_id") String wabaId,
            @JsonProperty("phone_number_id") String phoneNumberId, @JsonProperty("access_token") String accessToken,
            @JsonProperty("fb_app_id") String fbAppId, @JsonProperty("fb_app_secret") String fbAppSecret,
            @JsonProperty("refresh_token") String refreshToken, @JsonProperty("verify_token") String verifyToken,
            @JsonProperty("callback_url") String callbackUrl, @JsonProperty("redirect_url") String redirectUrl,
            @JsonProperty("token_expires_at") String tokenExpiresAt,
            @JsonProperty("onboarding_completed") Boolean onboardingCompleted,
            @JsonProperty("onboarded_at") String onboardedAt) {

        public boolean isActive() {
            return active == null || active;
        }

        public boolean isOnboardingCompleted() {
            return onboardingCompleted != null && onboardingCompleted;
        }
    }

    /**
     * One {@code config_properties} row. {@code application} is a tenant id or {@code application} (shared by every
     * tenant); {@code profile} defaults to {@code default} (no profile), {@code label} to {@code main}. A
     * {@code secret} value is stored encrypted.
     */
    public record Property(String application, String profile, String label, String key, String value,
            Boolean secret) {

        public String profileOrDefault() {
            return profile == null ? ConfigRequest.DEFAULT_PROFILE : profile;
        }

        public String labelOr(String defaultLabel) {
            return label == null ? defaultLabel : label;
        }

        public boolean isSecret() {
            return secret != null && secret;
        }
    }

    /** Reads the file; a syntax error, wrong type or unknown field is reported with where it is. */
    public static TenantImportFile parse(InputStream json, String source) {
        try {
            TenantImportFile file = JSON.readValue(json, TenantImportFile.class);
            if (file == null) {
                throw new TenantImportException(source + ": the file is empty.");
            }
            return file;
        }
        catch (JacksonException ex) {
            String where = ex.getLocation() == null ? ""
                    : " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")";
            throw new TenantImportException(source + ": not a valid import file at " + path(ex) + where + ": "
                    + reason(ex));
        }
    }

    /** Every rule an entry breaks, each naming the entry; empty when the file may be imported. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Set<String> tenantIds = new HashSet<>();
        for (int i = 0; i < tenants.size(); i++) {
            Tenant tenant = tenants.get(i);
            String entry = "tenants[" + i + "]" + (tenant == null || tenant.tenantId() == null ? ""
                    : " (tenant_id \"" + printable(tenant.tenantId()) + "\")");
            if (tenant == null) {
                problems.add(entry + ": must be an object.");
                continue;
            }
            tenantProblems(tenant, entry, problems);
            if (tenant.tenantId() != null && !tenantIds.add(tenant.tenantId())) {
                problems.add(entry + ": this tenant_id appears more than once.");
            }
        }
        Set<String> propertyKeys = new HashSet<>();
        for (int i = 0; i < properties.size(); i++) {
            Property property = properties.get(i);
            String entry = "properties[" + i + "]" + (property == null || property.key() == null ? ""
                    : " (key \"" + printable(property.key()) + "\")");
            if (property == null) {
                problems.add(entry + ": must be an object.");
                continue;
            }
            propertyProblems(property, entry, problems);
            String identity = property.application() + "|" + property.profileOrDefault() + "|" + property.label()
                    + "|" + property.key();
            if (!propertyKeys.add(identity)) {
                problems.add(entry + ": the same application, profile, label and key appear more than once.");
            }
        }
        return problems;
    }

    private static void tenantProblems(Tenant tenant, String entry, List<String> problems) {
        if (tenant.tenantId() == null) {
            problems.add(entry + ": tenant_id is required.");
        }
        else if (!ConfigRequest.isValidName(tenant.tenantId())
                || ConfigRequest.SHARED_APPLICATION.equals(tenant.tenantId())) {
            problems.add(entry + ": tenant_id must be 1-64 letters, digits, '-', '_' or '.' (no '..'), and not '"
                    + ConfigRequest.SHARED_APPLICATION + "'.");
        }
        metaId(tenant.wabaId(), "waba_id", entry, problems);
        metaId(tenant.phoneNumberId(), "phone_number_id", entry, problems);
        metaId(tenant.fbAppId(), "fb_app_id", entry, problems);
        text(tenant.userId(), "user_id", MAX_SECRET, entry, problems);
        text(tenant.accessToken(), "access_token", MAX_TOKEN, entry, problems);
        text(tenant.refreshToken(), "refresh_token", MAX_TOKEN, entry, problems);
        text(tenant.fbAppSecret(), "fb_app_secret", MAX_SECRET, entry, problems);
        text(tenant.verifyToken(), "verify_token", MAX_SECRET, entry, problems);
        url(tenant.callbackUrl(), "callback_url", entry, problems);
        url(tenant.redirectUrl(), "redirect_url", entry, problems);
        timestamp(tenant.tokenExpiresAt(), "token_expires_at", entry, problems);
        timestamp(tenant.onboardedAt(), "onboarded_at", entry, problems);
    }

    private static void propertyProblems(Property property, String entry, List<String> problems) {
        if (property.application() == null) {
            problems.add(entry + ": application is required (a tenant id, or '" + ConfigRequest.SHARED_APPLICATION
                    + "' for every tenant).");
        }
        else if (!ConfigRequest.isValidName(property.application())) {
            problems.add(entry + ": application must be 1-64 letters, digits, '-', '_' or '.' (no '..').");
        }
        if (!ConfigRequest.isValidName(property.profileOrDefault())) {
            problems.add(entry + ": profile must be one profile name: 1-64 letters, digits, '-', '_' or '.'.");
        }
        if (property.label() != null && !ConfigRequest.isValidName(property.label())) {
            problems.add(entry + ": label must be 1-64 letters, digits, '-', '_' or '.'.");
        }
        if (property.key() == null) {
            problems.add(entry + ": key is required.");
        }
        else if (!PROPERTY_KEY.matcher(property.key()).matches()) {
            problems.add(entry + ": key must be 1-256 letters, digits, '.', '-', '_' or brackets.");
        }
        if (property.value() == null) {
            problems.add(entry + ": value is required.");
        }
        else {
            text(property.value(), "value", MAX_TOKEN, entry, problems);
        }
    }

    private static void metaId(String value, String field, String entry, List<String> problems) {
        if (value != null && !META_ID.matcher(value).matches()) {
            problems.add(entry + ": " + field + " must be Meta's numeric id (1-32 digits).");
        }
    }

    /** Lengths only: the value itself may be a secret and is never repeated in a message. */
    private static void text(String value, String field, int max, String entry, List<String> problems) {
        if (value != null && (value.isBlank() || value.length() > max)) {
            problems.add(entry + ": " + field + " must be 1-" + max + " characters and not blank.");
        }
    }

    private static void url(String value, String field, String entry, List<String> problems) {
        if (value == null) {
            return;
        }
        try {
            URI uri = new URI(value);
            boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
            boolean allowed = "https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && local);
            if (!allowed || uri.getHost() == null || value.length() > MAX_TEXT) {
                problems.add(entry + ": " + field + " must be an https URL (http only for localhost).");
            }
        }
        catch (URISyntaxException ex) {
            problems.add(entry + ": " + field + " is not a URL.");
        }
    }

    private static void timestamp(String value, String field, String entry, List<String> problems) {
        if (value == null) {
            return;
        }
        try {
            OffsetDateTime.parse(value);
        }
        catch (DateTimeParseException ex) {
            problems.add(entry + ": " + field + " must be an ISO-8601 timestamp with offset, e.g. 2027-01-31T00:00:00Z.");
        }
    }

    /** Jackson's own messages may quote the offending text, which could be a secret: describe, do not echo. */
    private static String reason(JacksonException ex) {
        if (ex instanceof UnrecognizedPropertyException unknown) {
            return "unknown field \"" + printable(unknown.getPropertyName()) + "\".";
        }
        if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "expected " + describe(mismatch.getTargetType()) + ".";
        }
        if (ex instanceof StreamReadException) {
            return "malformed JSON.";
        }
        return "unreadable content.";
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
            else if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            }
        }
        return path.isEmpty() ? "the top level" : path.toString();
    }

    /** Ids appear in messages, so control characters are replaced rather than echoed. */
    private static String printable(String value) {
        String cut = value.length() > 64 ? value.substring(0, 64) + "..." : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
