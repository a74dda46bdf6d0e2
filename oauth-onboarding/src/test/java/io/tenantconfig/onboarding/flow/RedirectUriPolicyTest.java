package io.tenantconfig.onboarding.flow;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class RedirectUriPolicyTest {

    private final RedirectUriPolicy policy = new RedirectUriPolicy(List.of(
            "https://app.example.com/oauth/callback",
            "http://localhost:8080/oauth/callback",
            "http://127.0.0.1:8080/cb",
            "http://[::1]:8080/cb",
            "http://app.example.com/insecure",
            "https://user@app.example.com/cb",
            "https://app.example.com/cb#frag"));

    @Test
    void allowListedHttpsUriIsAccepted() {
        assertThatNoException().isThrownBy(() -> policy.check("https://app.example.com/oauth/callback"));
    }

    @Test
    void plainHttpIsAcceptedForLocalHostsOnly() {
        assertThatNoException().isThrownBy(() -> policy.check("http://localhost:8080/oauth/callback"));
        assertThatNoException().isThrownBy(() -> policy.check("http://127.0.0.1:8080/cb"));
        assertThatNoException().isThrownBy(() -> policy.check("http://[::1]:8080/cb"));
        assertRefused("http://app.example.com/insecure", "must use https");
    }

    @Test
    void uriNotOnTheAllowListIsRefused() {
        assertRefused("https://evil.example.net/oauth/callback", "not on the allow-list");
    }

    @Test
    void comparisonIsByteForByteAsMetaDoes() {
        assertRefused("https://app.example.com/oauth/callback/", "not on the allow-list");
        assertRefused("https://APP.example.com/oauth/callback", "not on the allow-list");
    }

    @Test
    void userInfoAndFragmentsAreRefusedEvenWhenListed() {
        assertRefused("https://user@app.example.com/cb", "user information");
        assertRefused("https://app.example.com/cb#frag", "fragment");
    }

    @Test
    void relativeMalformedAndOverlongUrisAreRefused() {
        assertRefused("/oauth/callback", "absolute URL");
        assertRefused("https://app example.com/cb", "not a valid URI");
        assertRefused("javascript:alert(1)", "absolute URL");
        assertRefused("https://app.example.com/" + "a".repeat(RedirectUriPolicy.MAX_LENGTH), "longer than");
    }

    private void assertRefused(String uri, String because) {
        assertThatThrownBy(() -> policy.check(uri))
                .isInstanceOf(InvalidOnboardingRequestException.class)
                .hasMessageContaining(because);
    }
}
