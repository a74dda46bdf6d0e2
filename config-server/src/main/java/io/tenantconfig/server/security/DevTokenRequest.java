package io.tenantconfig.server.security;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import io.tenantconfig.server.environment.ConfigRequest;

import org.springframework.boot.convert.DurationStyle;

/**
 * A checked request for a development token. The tenant id follows the config paths' rule, so a token can
 * only name a tenant that the config protocol could serve.
 *
 * @param tenant tenant id (the token's tenant claim)
 * @param user   the token's subject
 * @param roles  the token's roles claim
 * @param scope  space-separated OAuth scopes, empty unless asked for
 * @param ttl    lifetime, 1 second to {@link #MAX_TTL}
 */
public record DevTokenRequest(String tenant, String user, List<String> roles, String scope, Duration ttl) {

    public static final String DEFAULT_USER = "dev-user";

    /**
     * No scope: a token for the tenant API and the web page. {@code config:read} would let it read the config
     * protocol, where a tenant user would see its own secrets in clear and the platform's fallback values.
     */
    public static final String DEFAULT_SCOPE = "";

    public static final Duration DEFAULT_TTL = Duration.ofHours(1);

    public static final Duration MAX_TTL = Duration.ofHours(12);

    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.:@-]{1,64}");

    public DevTokenRequest {
        roles = List.copyOf(roles);
    }

    /**
     * Checks raw request parameters; a missing optional one takes its default. {@code ttl} is seconds
     * ({@code 3600}) or a duration ({@code 2h}, {@code PT30M}).
     */
    public static DevTokenRequest of(String tenant, String user, String roles, String scope, String ttl) {
        if (tenant == null || tenant.isBlank()) {
            throw new InvalidDevTokenRequestException("tenant is required.");
        }
        if (!ConfigRequest.isValidName(tenant) || ConfigRequest.SHARED_APPLICATION.equals(tenant)) {
            throw new InvalidDevTokenRequestException("Invalid tenant: use 1-64 letters, digits, '-', '_' or '.' "
                    + "(no '..'); '" + ConfigRequest.SHARED_APPLICATION + "' is reserved for shared defaults.");
        }
        String subject = isBlank(user) ? DEFAULT_USER : user.trim();
        requireWords("user", List.of(subject));
        List<String> roleList = isBlank(roles) ? List.of() : split(roles, ",");
        requireWords("roles", roleList);
        List<String> scopeList = isBlank(scope) ? List.of() : split(scope, " ");
        requireWords("scope", scopeList);
        String scopes = scopeList.isEmpty() ? DEFAULT_SCOPE : String.join(" ", scopeList);
        return new DevTokenRequest(tenant, subject, roleList, scopes, lifetime(ttl));
    }

    private static Duration lifetime(String ttl) {
        if (isBlank(ttl)) {
            return DEFAULT_TTL;
        }
        Duration parsed;
        try {
            parsed = DurationStyle.detectAndParse(ttl.trim(), ChronoUnit.SECONDS);
        }
        catch (IllegalArgumentException | DateTimeParseException ex) {
            throw new InvalidDevTokenRequestException("Invalid ttl: give seconds (3600) or a duration (2h, PT30M).");
        }
        if (parsed.compareTo(Duration.ofSeconds(1)) < 0 || parsed.compareTo(MAX_TTL) > 0) {
            throw new InvalidDevTokenRequestException("Invalid ttl: it must be between 1 second and "
                    + MAX_TTL.toHours() + " hours.");
        }
        return parsed;
    }

    private static List<String> split(String value, String separator) {
        return Arrays.stream(value.split(separator)).map(String::trim).filter(part -> !part.isEmpty()).toList();
    }

    private static void requireWords(String what, List<String> values) {
        for (String value : values) {
            if (!WORD.matcher(value).matches()) {
                throw new InvalidDevTokenRequestException("Invalid " + what
                        + ": use 1-64 letters, digits, '-', '_', '.', ':' or '@' per entry.");
            }
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
