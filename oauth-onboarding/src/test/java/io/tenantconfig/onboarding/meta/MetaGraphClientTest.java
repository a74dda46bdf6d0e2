package io.tenantconfig.onboarding.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.client.RestClient;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

@ExtendWith(OutputCaptureExtension.class)
class MetaGraphClientTest {

    private static final String APP_ID = "1234567890";
    private static final String APP_SECRET = "app-secret-abcdef0123456789";
    private static final String CODE = "AQD-code+with/odd=chars";
    private static final String SHORT_TOKEN = "EAAshort-lived-token-0001";
    private static final String LONG_TOKEN = "EAAlong-lived-token-0002";
    private static final String REDIRECT = "https://app.example.com/oauth/callback";
    private static final MetaAppCredentials APP = new MetaAppCredentials(APP_ID, APP_SECRET);

    @RegisterExtension
    static WireMockExtension meta = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private MetaGraphClient client;

    @BeforeEach
    void setUp() {
        client = clientWithReadTimeout(Duration.ofSeconds(5));
    }

    private static MetaGraphClient clientWithReadTimeout(Duration readTimeout) {
        MetaProperties properties = new MetaProperties();
        properties.setGraphUrl(meta.baseUrl());
        properties.setApiVersion("v23.0");
        properties.setReadTimeout(readTimeout);
        return new MetaGraphClient(RestClient.builder(), properties);
    }

    @Test
    void redirectFlowSendsRedirectUriAndReturnsToken() {
        meta.stubFor(get(urlPathEqualTo("/v23.0/oauth/access_token"))
                .willReturn(okJson("{\"access_token\":\"" + SHORT_TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":5183}")));

        MetaAccessToken token = client.exchangeCode(CODE, REDIRECT, APP);

        assertThat(token.accessToken()).isEqualTo(SHORT_TOKEN);
        assertThat(token.expiresIn()).isEqualTo(5183L);
        meta.verify(getRequestedFor(urlPathEqualTo("/v23.0/oauth/access_token"))
                .withQueryParam("client_id", equalTo(APP_ID))
                .withQueryParam("client_secret", equalTo(APP_SECRET))
                .withQueryParam("code", equalTo(CODE))
                .withQueryParam("redirect_uri", equalTo(REDIRECT)));
    }

    @Test
    void embeddedSignupFlowSendsNoRedirectUri() {
        meta.stubFor(get(urlPathEqualTo("/v23.0/oauth/access_token"))
                .willReturn(okJson("{\"access_token\":\"" + LONG_TOKEN + "\",\"token_type\":\"bearer\"}")));

        MetaAccessToken token = client.exchangeCode(CODE, null, APP);

        assertThat(token.accessToken()).isEqualTo(LONG_TOKEN);
        assertThat(token.expiresIn()).isNull();
        meta.verify(getRequestedFor(urlPathEqualTo("/v23.0/oauth/access_token"))
                .withQueryParam("code", equalTo(CODE))
                .withQueryParam("redirect_uri", absent()));
    }

    @Test
    void exchangesShortLivedTokenForLongLivedOne() {
        meta.stubFor(get(urlPathEqualTo("/v23.0/oauth/access_token"))
                .withQueryParam("grant_type", equalTo("fb_exchange_token"))
                .willReturn(okJson("{\"access_token\":\"" + LONG_TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":5184000}")));

        MetaAccessToken token = client.exchangeForLongLived(SHORT_TOKEN, APP);

        assertThat(token.accessToken()).isEqualTo(LONG_TOKEN);
        assertThat(token.expiresIn()).isEqualTo(5_184_000L);
        meta.verify(getRequestedFor(urlPathEqualTo("/v23.0/oauth/access_token"))
                .withQueryParam("fb_exchange_token", equalTo(SHORT_TOKEN))
                .withQueryParam("client_secret", equalTo(APP_SECRET)));
    }

    @Test
    void debugTokenUsesAppTokenAndCollectsScopes() {
        meta.stubFor(get(urlPathEqualTo("/v23.0/debug_token")).willReturn(okJson("""
                {"data":{"app_id":"1234567890","is_valid":true,"expires_at":1900000000,
                 "scopes":["whatsapp_business_management","whatsapp_business_messaging"],
                 "granular_scopes":[{"scope":"whatsapp_business_management","target_ids":["111"]},
                                    {"scope":"business_management"}]}}""")));

        MetaTokenInfo info = client.debugToken(LONG_TOKEN, APP);

        assertThat(info.valid()).isTrue();
        assertThat(info.appId()).isEqualTo(APP_ID);
        assertThat(info.expiresAt()).isEqualTo(Instant.ofEpochSecond(1_900_000_000L));
        assertThat(info.scopes()).containsExactly("whatsapp_business_management", "whatsapp_business_messaging",
                "business_management");
        meta.verify(getRequestedFor(urlPathEqualTo("/v23.0/debug_token"))
                .withQueryParam("input_token", equalTo(LONG_TOKEN))
                .withHeader("Authorization", equalTo("Bearer " + APP_ID + "|" + APP_SECRET)));
    }

    @Test
    void debugTokenTreatsZeroExpiryAsNeverExpiring() {
        meta.stubFor(get(urlPathEqualTo("/v23.0/debug_token")).willReturn(okJson(
                "{\"data\":{\"app_id\":\"1234567890\",\"is_valid\":true,\"expires_at\":0,\"scopes\":[]}}")));

        assertThat(client.debugToken(LONG_TOKEN, APP).expiresAt()).isNull();
    }

    @Test
    void redirectUriMismatchIsCallerError(CapturedOutput output) {
        stubError(400, 100, null, "Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request");

        assertThatThrownBy(() -> client.exchangeCode(CODE, REDIRECT, APP))
                .isInstanceOfSatisfying(MetaApiException.class, ex -> {
                    assertThat(ex.getMessage()).isEqualTo("redirect_uri does not match the one used in the dialog");
                    assertThat(ex.code()).isEqualTo(100);
                    assertThat(ex.subcode()).isNull();
                    assertThat(ex.type()).isEqualTo("OAuthException");
                    assertThat(ex.fbtraceId()).isEqualTo("AbCdTrace");
                    assertThat(ex.callerError()).isTrue();
                });
        assertNoSecretIn(output.getAll());
    }

    @Test
    void reusedCodeIsReportedAsAlreadyUsed(CapturedOutput output) {
        stubError(400, 100, 36009, "This authorization code has been used.");

        assertThatThrownBy(() -> client.exchangeCode(CODE, null, APP))
                .isInstanceOfSatisfying(MetaApiException.class, ex -> {
                    assertThat(ex.getMessage()).isEqualTo("authorization code already used");
                    assertThat(ex.subcode()).isEqualTo(36009);
                    assertNoSecretIn(ex.getMessage());
                });
        assertNoSecretIn(output.getAll());
    }

    @Test
    void expiredCodeIsReportedAsExpired() {
        stubError(400, 100, null, "This authorization code has expired.");

        assertThatThrownBy(() -> client.exchangeCode(CODE, REDIRECT, APP))
                .isInstanceOf(MetaApiException.class)
                .hasMessage("authorization code expired");
    }

    @Test
    void expiredTokenIsReportedAsExpired() {
        stubError(400, 190, 463, "Error validating access token: Session has expired");

        assertThatThrownBy(() -> client.exchangeForLongLived(SHORT_TOKEN, APP))
                .isInstanceOfSatisfying(MetaApiException.class, ex -> {
                    assertThat(ex.getMessage()).isEqualTo("access token expired");
                    assertThat(ex.callerError()).isTrue();
                });
    }

    @Test
    void wrongAppSecretIsNotBlamedOnTheCaller() {
        stubError(400, 1, null, "Error validating client secret.");

        assertThatThrownBy(() -> client.exchangeCode(CODE, REDIRECT, APP))
                .isInstanceOfSatisfying(MetaApiException.class, ex -> {
                    assertThat(ex.callerError()).isFalse();
                    assertThat(ex.getMessage()).contains("app secret");
                    assertNoSecretIn(ex.getMessage());
                });
    }

    @Test
    void serverErrorIsUnavailable(CapturedOutput output) {
        meta.stubFor(get(urlPathEqualTo("/v23.0/oauth/access_token"))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"An unknown error occurred\",\"code\":1}}")));

        assertThatThrownBy(() -> client.exchangeCode(CODE, REDIRECT, APP))
                .isInstanceOf(MetaUnavailableException.class)
                .hasMessageContaining("HTTP 500")
                .satisfies(ex -> assertNoSecretIn(ex.getMessage()));
        assertNoSecretIn(output.getAll());
    }

    @Test
    void slowAnswerTimesOutAsUnavailable(CapturedOutput output) {
        meta.stubFor(get(urlPathEqualTo("/v23.0/oauth/access_token"))
                .willReturn(okJson("{\"access_token\":\"" + SHORT_TOKEN + "\"}").withFixedDelay(2_000)));
        MetaGraphClient impatient = clientWithReadTimeout(Duration.ofMillis(300));

        assertThatThrownBy(() -> impatient.exchangeCode(CODE, REDIRECT, APP))
                .isInstanceOf(MetaUnavailableException.class)
                .hasMessageContaining("did not answer within 300 ms")
                .hasNoCause()
                .satisfies(ex -> assertNoSecretIn(ex.getMessage()));
        assertNoSecretIn(output.getAll());
    }

    @Test
    void refusedConnectionIsUnavailable() {
        MetaProperties properties = new MetaProperties();
        // port 1 is reserved and closed: the connection is refused at once
        properties.setGraphUrl("http://127.0.0.1:1");
        MetaGraphClient unreachable = new MetaGraphClient(RestClient.builder(), properties);

        assertThatThrownBy(() -> unreachable.exchangeCode(CODE, REDIRECT, APP))
                .isInstanceOf(MetaUnavailableException.class)
                .hasMessageContaining("refused the connection")
                .hasNoCause()
                .satisfies(ex -> assertNoSecretIn(ex.getMessage()));
    }

    @Test
    void htmlAnswerIsUnavailable() {
        meta.stubFor(get(urlPathEqualTo("/v23.0/oauth/access_token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Sorry, something went wrong.</body></html>")));

        assertThatThrownBy(() -> client.exchangeCode(CODE, REDIRECT, APP))
                .isInstanceOf(MetaUnavailableException.class)
                .hasMessageContaining("other than JSON");
    }

    @Test
    void subscribeSendsTokenAsBearer() {
        meta.stubFor(post(urlPathEqualTo("/v23.0/555000111/subscribed_apps")).willReturn(okJson("{\"success\":true}")));

        client.subscribeApp("555000111", LONG_TOKEN);

        meta.verify(postRequestedFor(urlPathEqualTo("/v23.0/555000111/subscribed_apps"))
                .withHeader("Authorization", equalTo("Bearer " + LONG_TOKEN)));
    }

    @Test
    void subscribeFailureCarriesMetaReason(CapturedOutput output) {
        meta.stubFor(post(urlPathEqualTo("/v23.0/555000111/subscribed_apps")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody(
                        "{\"error\":{\"message\":\"(#200) Permissions error\",\"type\":\"OAuthException\",\"code\":200,\"fbtrace_id\":\"T1\"}}")));

        assertThatThrownBy(() -> client.subscribeApp("555000111", LONG_TOKEN))
                .isInstanceOfSatisfying(MetaApiException.class, ex -> {
                    assertThat(ex.code()).isEqualTo(200);
                    assertThat(ex.getMessage()).contains("permission");
                    assertThat(ex.fbtraceId()).isEqualTo("T1");
                });
        assertNoSecretIn(output.getAll());
    }

    @Test
    void metaStringsAreLoggedWithoutLineBreaksOrControlCharactersAndBounded(CapturedOutput output) {
        String forgedTrace = "T9\\r\\n2026-03-01 INFO forged line\\u001b[31m" + "x".repeat(200);
        meta.stubFor(get(urlPathEqualTo("/v23.0/oauth/access_token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"bad\\nFORGED\",\"type\":\"OAuth\\u2028Exception\",\"code\":100,"
                        + "\"fbtrace_id\":\"" + forgedTrace + "\"}}")));

        assertThatThrownBy(() -> client.exchangeCode(CODE, null, APP))
                .isInstanceOfSatisfying(MetaApiException.class, ex -> {
                    assertThat(ex.fbtraceId()).startsWith("T9  2026-03-01 INFO forged line [31m")
                            .hasSize(64 + "...".length()).doesNotContain("\r", "\n", "\u001b");
                    assertThat(ex.type()).isEqualTo("OAuth Exception");
                });
        assertThat(output.getAll()).contains("fbtrace_id=T9  2026-03-01 INFO forged line")
                .doesNotContain("\n2026-03-01 INFO forged", "\u001b", "\u2028");
    }

    @Test
    void fromMetaKeepsPlainTextAndSurrogatePairsWhole() {
        assertThat(MetaGraphClient.fromMeta("AbCdTrace", 64)).isEqualTo("AbCdTrace");
        assertThat(MetaGraphClient.fromMeta(null, 64)).isNull();
        assertThat(MetaGraphClient.fromMeta("ab\uD83D\uDE00", 3)).isEqualTo("ab...");
    }

    private void stubError(int status, int code, Integer subcode, String message) {
        String sub = subcode == null ? "" : ",\"error_subcode\":" + subcode;
        meta.stubFor(get(urlPathEqualTo("/v23.0/oauth/access_token")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                        + sub + ",\"fbtrace_id\":\"AbCdTrace\"}}")));
    }

    private static void assertNoSecretIn(String text) {
        assertThat(text).doesNotContain(APP_SECRET, CODE, SHORT_TOKEN, LONG_TOKEN, "client_secret", "app-secret");
    }
}
