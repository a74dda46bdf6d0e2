package io.tenantconfig.server.onboarding;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import io.tenantconfig.server.crypto.SecretCipher;
import io.tenantconfig.server.support.MetaStub;
import io.tenantconfig.server.support.ServerClient;
import io.tenantconfig.server.support.TenantConfigServerTest;
import io.tenantconfig.server.support.TestKeys;
import io.tenantconfig.server.support.TestRows;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.tenantconfig.server.onboarding.OnboardingApi.json;
import static io.tenantconfig.server.onboarding.OnboardingApi.token;
import static org.assertj.core.api.Assertions.assertThat;

/** Successful onboarding through HTTP with a JWT, against real PostgreSQL and WireMock as Meta. */
@TenantConfigServerTest
class OnboardingFlowTest {

    static final List<String> SCOPES = List.of("whatsapp_business_management", "whatsapp_business_messaging");

    static final long SIXTY_DAYS = 60L * 24 * 3600;

    @LocalServerPort
    int port;

    @Autowired
    SecretCipher cipher;

    final StoredRows stored = new StoredRows();

    OnboardingApi api;

    @BeforeEach
    void client() {
        api = new OnboardingApi(port);
    }

    @Test
    void redirectFlowSendsRedirectUriToMetaAndStoresTheTokenEncrypted() {
        Instant expiresAt = Instant.now().plus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        MetaStub.codeExchange("code-redirect-ok", MetaStub.token("EAAG-long-redirect-ok", SIXTY_DAYS));
        MetaStub.validToken("EAAG-long-redirect-ok", expiresAt, SCOPES);
        MetaStub.subscription("1100000001", okJson("{\"success\":true}"));
        String jwt = token("onb-redirect", "admin-redirect");
        ServerClient config = new ServerClient(port);
        assertThat(ServerClient.effective(ServerClient.json(config.get("/onb-redirect/default", ServerClient.basic())),
                "tenant.config-source")).isEqualTo("defaults");

        String state = api.state(jwt, MetaStub.REDIRECT_URI);
        HttpResponse<String> response = api.complete(jwt, "code-redirect-ok", "1100000001", "2200000001",
                MetaStub.REDIRECT_URI, state);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json(response);
        Map<String, Object> row = stored.tenant("onb-redirect");
        assertThat(answer.get("success").asBoolean()).isTrue();
        assertThat(answer.get("message").asString())
            .isEqualTo("WhatsApp Business API onboarding completed successfully");
        assertThat(answer.get("tenant_id").asString()).isEqualTo("onb-redirect");
        assertThat(answer.get("config_id").asLong()).isEqualTo(((Number) row.get("id")).longValue());
        assertThat(answer.get("waba_id").asString()).isEqualTo("1100000001");
        assertThat(answer.get("phone_number_id").asString()).isEqualTo("2200000001");
        assertThat(Instant.parse(answer.get("token_expires_at").asString())).isEqualTo(expiresAt);
        assertThat(answer.get("webhook_subscription").get("subscribed").asBoolean()).isTrue();
        MetaStub.server().verify(1, getRequestedFor(urlPathEqualTo("/v23.0/oauth/access_token"))
            .withQueryParam("code", equalTo("code-redirect-ok"))
            .withQueryParam("client_id", equalTo(MetaStub.APP_ID))
            .withQueryParam("redirect_uri", equalTo(MetaStub.REDIRECT_URI)));

        assertOnboardedRow(row, "EAAG-long-redirect-ok", expiresAt, "1100000001", "2200000001");
        assertThat(row.get("redirect_url")).isEqualTo(MetaStub.REDIRECT_URI);
        assertThat(row.get("version")).isEqualTo(0L);
        assertThat(stored.audit("onb-redirect")).anySatisfy(entry -> {
            assertThat(entry.get("action")).isEqualTo("onboard");
            assertThat(entry.get("actor")).isEqualTo("admin-redirect");
            assertThat((String) entry.get("fields")).contains("access_token", "onboarding_completed", "is_active");
        });
        // the config protocol sees the new row at once: the cached "defaults" answer was evicted after commit
        JsonNode environment = ServerClient.json(config.get("/onb-redirect/default", ServerClient.basic()));
        assertThat(ServerClient.effective(environment, "tenant.config-source")).isEqualTo("database");
        assertThat(ServerClient.effective(environment, "whatsapp.access-token")).isEqualTo("EAAG-long-redirect-ok");
    }

    @Test
    void embeddedSignupSendsNoRedirectUriAndExchangesAShortLivedToken() {
        Instant expiresAt = Instant.now().plus(59, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        MetaStub.codeExchange("code-embedded-ok", MetaStub.token("EAAG-short-embedded-ok", 3600));
        MetaStub.longLivedExchange("EAAG-short-embedded-ok", MetaStub.token("EAAG-long-embedded-ok", SIXTY_DAYS));
        MetaStub.validToken("EAAG-long-embedded-ok", expiresAt, SCOPES);
        MetaStub.subscription("1100000002", okJson("{\"success\":true}"));
        String jwt = token("onb-embedded", "admin-embedded");

        String state = api.state(jwt, null);
        HttpResponse<String> response = api.complete(jwt, "code-embedded-ok", "1100000002", "2200000002", null,
                state);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        MetaStub.server().verify(1, getRequestedFor(urlPathEqualTo("/v23.0/oauth/access_token"))
            .withQueryParam("code", equalTo("code-embedded-ok"))
            .withQueryParam("redirect_uri", absent()));
        Map<String, Object> row = stored.tenant("onb-embedded");
        assertOnboardedRow(row, "EAAG-long-embedded-ok", expiresAt, "1100000002", "2200000002");
        assertThat(cipher.decrypt((String) row.get("access_token"), "onb-embedded"))
            .as("the long-lived token is stored, not the short-lived one")
            .isEqualTo("EAAG-long-embedded-ok");
    }

    @Test
    void reOnboardingUpdatesTheExistingRowAndReactivatesIt() {
        TestRows rows = new TestRows();
        rows.tenant("onb-again", false, "2200000098", "1100000098", cipher.encrypt("EAAG-old-token"));
        rows.jdbc().update("UPDATE tenant_configs SET token_status = 'needs_reonboarding', callback_url = "
                + "'https://hooks.example.com/wa' WHERE tenant_id = 'onb-again'");
        Instant expiresAt = Instant.now().plus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        MetaStub.codeExchange("code-again-ok", MetaStub.token("EAAG-long-again-ok", SIXTY_DAYS));
        MetaStub.validToken("EAAG-long-again-ok", expiresAt, SCOPES);
        MetaStub.subscription("1100000099", okJson("{\"success\":true}"));
        String jwt = token("onb-again", "admin-again");
        long idBefore = ((Number) stored.tenant("onb-again").get("id")).longValue();

        HttpResponse<String> response = api.complete(jwt, "code-again-ok", "1100000099", "2200000099", null,
                api.state(jwt, null));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> row = stored.tenant("onb-again");
        assertThat(json(response).get("config_id").asLong()).isEqualTo(idBefore);
        assertOnboardedRow(row, "EAAG-long-again-ok", expiresAt, "1100000099", "2200000099");
        assertThat(row.get("version")).isEqualTo(1L);
        assertThat(row.get("callback_url")).as("fields onboarding does not set are kept")
            .isEqualTo("https://hooks.example.com/wa");
    }

    @Test
    void startReturnsTheDialogUrlWithClientIdRedirectUriStateAndScope() {
        String jwt = token("onb-start", "admin-start");

        HttpResponse<String> response = api.start(jwt, MetaStub.REDIRECT_URI);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode start = json(response);
        String state = start.get("state").asString();
        assertThat(start.get("flow").asString()).isEqualTo("redirect");
        assertThat(Instant.parse(start.get("expires_at").asString())).isAfter(Instant.now());
        String dialogUrl = start.get("dialog_url").asString();
        assertThat(dialogUrl).startsWith(MetaStub.baseUrl() + "/v23.0/dialog/oauth?");
        UriComponents dialog = UriComponentsBuilder.fromUriString(dialogUrl).build();
        assertThat(decoded(dialog, "client_id")).isEqualTo(MetaStub.APP_ID);
        assertThat(decoded(dialog, "redirect_uri")).isEqualTo(MetaStub.REDIRECT_URI);
        assertThat(decoded(dialog, "state")).isEqualTo(state);
        assertThat(decoded(dialog, "scope")).isEqualTo("whatsapp_business_management,whatsapp_business_messaging");
        assertThat(decoded(dialog, "response_type")).isEqualTo("code");
        // only the state's hash is stored, bound to tenant, user and redirect URI
        List<Map<String, Object>> rows = stored.stateByValue(state);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("tenant_id")).isEqualTo("onb-start");
            assertThat(row.get("user_id")).isEqualTo("admin-start");
            assertThat(row.get("redirect_uri")).isEqualTo(MetaStub.REDIRECT_URI);
            assertThat(row.get("consumed_at")).isNull();
        });
        assertThat(stored.jdbc().queryForObject("SELECT count(*) FROM oauth_states WHERE state_hash = ?",
                Long.class, state)).isZero();
    }

    @Test
    void startWithoutRedirectUriOffersEmbeddedSignup() {
        HttpResponse<String> response = api.start(token("onb-start-es", "admin-es"), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode start = json(response);
        assertThat(start.get("flow").asString()).isEqualTo("embedded_signup");
        assertThat(start.get("dialog_url").isNull()).isTrue();
        assertThat(start.get("app_id").asString()).isEqualTo(MetaStub.APP_ID);
        assertThat(stored.stateByValue(start.get("state").asString())).singleElement()
            .satisfies(row -> assertThat(row.get("redirect_uri")).isNull());
    }

    @Test
    void aTokenWithoutTenantClaimIsForbiddenAndNoTokenIsUnauthorized() {
        HttpResponse<String> noTenant = api.start(TestKeys.jwt(Map.of("scope", "config:read")), null);
        HttpResponse<String> noToken = api.complete(null, "code-x", "1", "2", null, "s");

        assertThat(noTenant.statusCode()).isEqualTo(403);
        assertThat(noTenant.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(stored.jdbc().queryForObject("SELECT count(*) FROM oauth_states WHERE tenant_id IS NULL "
                + "OR tenant_id = ''", Long.class)).isZero();
    }

    @Test
    void webhookSubscriptionFailureIsReportedInTheAnswerAndTheAuditLog() {
        Instant expiresAt = Instant.now().plus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        MetaStub.codeExchange("code-subscribe-fails", MetaStub.token("EAAG-long-subscribe-fails", SIXTY_DAYS));
        MetaStub.validToken("EAAG-long-subscribe-fails", expiresAt, SCOPES);
        MetaStub.subscription("1100000003", MetaStub.error(200, null, "Permissions error"));
        String jwt = token("onb-subscribe", "admin-subscribe");

        HttpResponse<String> response = api.complete(jwt, "code-subscribe-fails", "1100000003", "2200000003",
                null, api.state(jwt, null));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode subscription = json(response).get("webhook_subscription");
        assertThat(subscription.get("attempted").asBoolean()).isTrue();
        assertThat(subscription.get("subscribed").asBoolean()).isFalse();
        assertThat(subscription.get("error").asString()).contains("permission");
        assertThat(stored.tenant("onb-subscribe").get("onboarding_completed")).isEqualTo(true);
        assertThat(stored.audit("onb-subscribe")).anySatisfy(entry -> {
            assertThat(entry.get("action")).isEqualTo("webhook_subscription");
            assertThat((String) entry.get("detail")).contains("1100000003", "failed", "permission");
        });
    }

    private void assertOnboardedRow(Map<String, Object> row, String token, Instant expiresAt, String wabaId,
            String phoneNumberId) {
        String storedToken = (String) row.get("access_token");
        assertThat(storedToken).startsWith(SecretCipher.PREFIX).doesNotContain(token);
        assertThat(cipher.decrypt(storedToken, (String) row.get("tenant_id"))).isEqualTo(token);
        assertThat(row.get("waba_id")).isEqualTo(wabaId);
        assertThat(row.get("phone_number_id")).isEqualTo(phoneNumberId);
        assertThat(row.get("onboarding_completed")).isEqualTo(true);
        assertThat(row.get("is_active")).isEqualTo(true);
        assertThat(row.get("token_status")).isEqualTo("valid");
        assertThat(row.get("token_scopes")).isEqualTo(String.join(",", SCOPES));
        assertThat(instant(row.get("token_expires_at"))).isEqualTo(expiresAt);
        assertThat(instant(row.get("onboarded_at"))).isBetween(Instant.now().minus(1, ChronoUnit.MINUTES),
                Instant.now());
        assertThat(row.get("last_verified_at")).isEqualTo(row.get("onboarded_at"));
    }

    static Instant instant(Object timestamp) {
        if (timestamp instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) timestamp).toInstant();
    }

    private static String decoded(UriComponents uri, String name) {
        return java.net.URLDecoder.decode(uri.getQueryParams().getFirst(name), java.nio.charset.StandardCharsets.UTF_8);
    }
}
