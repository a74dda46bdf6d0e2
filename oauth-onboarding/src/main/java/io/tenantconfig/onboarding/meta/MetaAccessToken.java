package io.tenantconfig.onboarding.meta;

/**
 * A token answered by {@code /oauth/access_token}.
 *
 * @param accessToken the token itself (kept out of {@link #toString()})
 * @param tokenType   usually {@code bearer}
 * @param expiresIn   seconds until it expires, or {@code null} when Meta says it does not expire
 */
public record MetaAccessToken(String accessToken, String tokenType, Long expiresIn) {

    @Override
    public String toString() {
        return "MetaAccessToken[accessToken=***, tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]";
    }
}
