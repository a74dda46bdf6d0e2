package io.tenantconfig.server.tenant;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Strong entity tags made from {@code tenant_configs.version}: {@code "7"}. */
final class EntityTags {

    private static final Pattern STRONG_TAG = Pattern.compile("\"([0-9]{1,18})\"");

    private EntityTags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header asks for: null when the header is absent or {@code *} (any existing
     * row). If-Match compares strongly, so a weak tag or a list is refused as malformed rather than guessed at.
     */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher tag = STRONG_TAG.matcher(ifMatch.strip());
        if (!tag.matches()) {
            throw new InvalidTenantConfigException("If-Match",
                    "If-Match must be one ETag exactly as returned by GET /config, e.g. \"3\".");
        }
        return Long.valueOf(tag.group(1));
    }
}
