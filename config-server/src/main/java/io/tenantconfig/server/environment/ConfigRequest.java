package io.tenantconfig.server.environment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A checked config-protocol request: application (tenant id), profiles in request order, label.
 * Names are letters, digits, '-', '_' and '.', at most 64 characters, never "..".
 */
public record ConfigRequest(String application, List<String> profiles, String label) {

    /** The application name whose rows are shared by every tenant. */
    public static final String SHARED_APPLICATION = "application";

    /** The profile that stands for "no profile", as in the stock JDBC backend. */
    public static final String DEFAULT_PROFILE = "default";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public ConfigRequest {
        profiles = List.copyOf(profiles);
    }

    public static ConfigRequest of(String application, String profiles, String label, String defaultLabel) {
        requireName("application", application);
        String effectiveLabel = label == null || label.isEmpty() ? defaultLabel : label;
        requireName("label", effectiveLabel);
        if (profiles == null || profiles.isBlank()) {
            return new ConfigRequest(application, List.of(DEFAULT_PROFILE), effectiveLabel);
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String profile : profiles.split(",", -1)) {
            String trimmed = profile.trim();
            requireName("profile", trimmed);
            distinct.remove(trimmed);
            distinct.add(trimmed);
        }
        return new ConfigRequest(application, new ArrayList<>(distinct), effectiveLabel);
    }

    /** Whether {@code value} is usable as an application (tenant id), profile or label. */
    public static boolean isValidName(String value) {
        return value != null && NAME.matcher(value).matches() && !value.contains("..");
    }

    /** Whether {@code value} can name a tenant: a valid application name other than the shared {@code application}. */
    public static boolean isTenantId(String value) {
        return isValidName(value) && !SHARED_APPLICATION.equals(value);
    }

    private static void requireName(String what, String value) {
        if (!isValidName(value)) {
            throw new InvalidConfigRequestException("Invalid " + what
                    + ": use 1-64 letters, digits, '-', '_' or '.' (no '..').");
        }
    }

    /** Requested profiles other than "default", lowest priority first (a later profile wins). */
    public List<String> specificProfiles() {
        return profiles.stream().filter(profile -> !DEFAULT_PROFILE.equals(profile)).toList();
    }

    public boolean isShared() {
        return SHARED_APPLICATION.equals(application);
    }
}
