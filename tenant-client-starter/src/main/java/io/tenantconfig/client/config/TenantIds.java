package io.tenantconfig.client.config;

/**
 * Checks a tenant id before it becomes part of a URL or a cache key.
 */
public final class TenantIds {

    static final int MAX_LENGTH = 128;

    private TenantIds() {
    }

    /**
     * Returns the id unchanged when it is safe to put into a URL path segment.
     * @throws IllegalArgumentException when the id is empty, too long, or could change the path
     */
    public static String requireValid(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("tenant id must not be empty");
        }
        if (tenantId.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("tenant id must be at most " + MAX_LENGTH + " characters");
        }
        if (tenantId.contains("/") || tenantId.contains("\\") || tenantId.contains("..")
                || !tenantId.strip().equals(tenantId) || hasControlCharacter(tenantId)) {
            throw new IllegalArgumentException(
                    "tenant id must not contain '/', '\\', '..', control characters or surrounding spaces");
        }
        return tenantId;
    }

    /** A plain loop: this runs on every lookup, and a stream would allocate. */
    private static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
