package io.tenantconfig.onboarding.meta;

/**
 * A Meta app's id and secret: the platform's own, or a tenant's stored {@code fb_app_id}/{@code fb_app_secret}.
 *
 * @param appId     the app id (public)
 * @param appSecret the app secret (never logged: {@link #toString()} leaves it out)
 */
public record MetaAppCredentials(String appId, String appSecret) {

    /** The app access token Meta accepts for app-level calls such as {@code debug_token}. */
    String appAccessToken() {
        return appId + "|" + appSecret;
    }

    @Override
    public String toString() {
        return "MetaAppCredentials[appId=" + appId + ", appSecret=***]";
    }
}
