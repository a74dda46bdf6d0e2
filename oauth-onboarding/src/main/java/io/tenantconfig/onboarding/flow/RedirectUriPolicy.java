package io.tenantconfig.onboarding.flow;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which {@code redirect_uri} values the dialog flow may use: on the allow-list (byte for byte, as Meta
 * compares them) and https, except plain http to the local machine for development.
 */
public class RedirectUriPolicy {

    static final int MAX_LENGTH = 2048;
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private final List<String> allowed;

    public RedirectUriPolicy(List<String> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /**
     * @throws InvalidOnboardingRequestException naming what is wrong with it
     */
    public void check(String redirectUri) {
        if (redirectUri.length() > MAX_LENGTH) {
            throw invalid("redirect_uri is longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(redirectUri);
        }
        catch (URISyntaxException ex) {
            throw invalid("redirect_uri is not a valid URI");
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw invalid("redirect_uri must be an absolute URL with a host");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean local = LOCAL_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (!scheme.equals("https") && !(scheme.equals("http") && local)) {
            throw invalid("redirect_uri must use https (plain http is allowed only for localhost)");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("redirect_uri must not contain user information");
        }
        if (uri.getRawFragment() != null) {
            throw invalid("redirect_uri must not contain a fragment");
        }
        if (!allowed.contains(redirectUri)) {
            throw invalid("redirect_uri is not on the allow-list (tenant-config.meta.allowed-redirect-uris)");
        }
    }

    private static InvalidOnboardingRequestException invalid(String detail) {
        return new InvalidOnboardingRequestException("redirect_uri", detail);
    }
}
