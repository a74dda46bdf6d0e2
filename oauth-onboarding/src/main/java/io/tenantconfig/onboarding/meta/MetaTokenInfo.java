package io.tenantconfig.onboarding.meta;

import java.time.Instant;
import java.util.List;

/**
 * What {@code debug_token} says about a token.
 *
 * @param appId     the app the token was issued to
 * @param valid     whether Meta still accepts it
 * @param expiresAt when it expires, or {@code null} when it does not
 * @param scopes    the permissions granted, as Meta names them today
 */
public record MetaTokenInfo(String appId, boolean valid, Instant expiresAt, List<String> scopes) {

    public MetaTokenInfo {
        scopes = List.copyOf(scopes);
    }
}
