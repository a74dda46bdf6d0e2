package io.tenantconfig.server.onboarding;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.tenantconfig.server.support.MetaStub;
import io.tenantconfig.server.support.TenantConfigServerTest;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.tenantconfig.server.onboarding.OnboardingApi.json;
import static io.tenantconfig.server.onboarding.OnboardingApi.token;
import static io.tenantconfig.server.onboarding.OnboardingFlowTest.SCOPES;
import static io.tenantconfig.server.onboarding.OnboardingFlowTest.SIXTY_DAYS;
import static org.assertj.core.api.Assertions.assertThat;

/** The OAuth state and redirect URI rules, checked before Meta is called, with states stored in PostgreSQL. */
@TenantConfigServerTest
class OnboardingStateTest {

    @LocalServerPort
    int port;

    final StoredRows stored = new StoredRows();

    OnboardingApi api;

    @BeforeEach
    void client() {
        api = new OnboardingApi(port);
    }

    private static JsonNode badRequest(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        return json(response);
    }

    private static void metaNeverSaw(String code) {
        MetaStub.server().verify(0, getRequestedFor(urlPathEqualTo("/v23.0/oauth/access_token"))
            .withQueryParam("code", equalTo(code)));
    }

    /** Meta accepts {@code code} and everything after it. */
    private static void metaAccepts(String code, String token, String wabaId) {
        MetaStub.codeExchange(code, MetaStub.token(token, SIXTY_DAYS));
        MetaStub.validToken(token, Instant.now().plus(60, ChronoUnit.DAYS), SCOPES);
        MetaStub.subscription(wabaId, okJson("{\"success\":true}"));
    }

    @Test
    void missingStateIsRefusedBeforeMetaIsCalled() {
        HttpResponse<String> response = api.complete(token("st-missing", "u"), "code-st-missing", "1400000001",
                "2400000001", null, null);

        assertThat(badRequest(response).get("reason").asString()).isEqualTo("state_missing");
        metaNeverSaw("code-st-missing");
        assertThat(stored.tenantExists("st-missing")).isFalse();
    }

    @Test
    void expiredStateIsRefused() {
        String jwt = token("st-expired", "u");
        String state = api.state(jwt, null);
        stored.jdbc().update("UPDATE oauth_states SET expires_at = now() - interval '1 minute' "
                + "WHERE state_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')", state);

        HttpResponse<String> response = api.complete(jwt, "code-st-expired", "1400000002", "2400000002", null, state);

        assertThat(badRequest(response).get("reason").asString()).isEqualTo("state_expired");
        metaNeverSaw("code-st-expired");
    }

    @Test
    void replayedStateIsRefusedAndLeavesTheOnboardedRowAlone() {
        metaAccepts("code-st-first", "EAAG-st-first", "1400000003");
        String jwt = token("st-replay", "u");
        String state = api.state(jwt, null);
        assertThat(api.complete(jwt, "code-st-first", "1400000003", "2400000003", null, state).statusCode())
            .isEqualTo(200);
        String row = stored.tenantRowText("st-replay");

        HttpResponse<String> replay = api.complete(jwt, "code-st-second", "1400000004", "2400000004", null, state);

        JsonNode problem = badRequest(replay);
        assertThat(problem.get("reason").asString()).isEqualTo("state_already_used");
        assertThat(problem.get("detail").asString()).startsWith("state already used");
        metaNeverSaw("code-st-second");
        assertThat(stored.tenantRowText("st-replay")).isEqualTo(row);
    }

    @Test
    void stateOfAnotherTenantIsRefused() {
        String state = api.state(token("st-owner", "u"), null);

        HttpResponse<String> response = api.complete(token("st-intruder", "u"), "code-st-intruder", "1400000005",
                "2400000005", null, state);

        assertThat(badRequest(response).get("reason").asString()).isEqualTo("state_other_tenant");
        metaNeverSaw("code-st-intruder");
        assertThat(stored.tenantExists("st-intruder")).isFalse();
    }

    @Test
    void foreignTenantOrUserCannotUseUpAStateItsOwnerStillCompletesWith() {
        metaAccepts("code-st-own", "EAAG-st-own", "1400000011");
        String owner = token("st-kept", "alice");
        String state = api.state(owner, null);

        HttpResponse<String> otherTenant = api.complete(token("st-thief", "alice"), "code-st-thief", "1400000012",
                "2400000012", null, state);
        HttpResponse<String> otherUser = api.complete(token("st-kept", "mallory"), "code-st-mallory", "1400000013",
                "2400000013", null, state);

        assertThat(badRequest(otherTenant).get("reason").asString()).isEqualTo("state_other_tenant");
        assertThat(badRequest(otherUser).get("reason").asString()).isEqualTo("state_other_user");
        metaNeverSaw("code-st-thief");
        metaNeverSaw("code-st-mallory");
        HttpResponse<String> own = api.complete(owner, "code-st-own", "1400000011", "2400000011", null, state);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(stored.tenantExists("st-kept")).isTrue();
        assertThat(stored.tenantExists("st-thief")).isFalse();
    }

    @Test
    void unknownStateIsRefused() {
        HttpResponse<String> response = api.complete(token("st-unknown", "u"), "code-st-unknown", "1400000006",
                "2400000006", null, "made-up-state-value");

        assertThat(badRequest(response).get("reason").asString()).isEqualTo("state_unknown");
        metaNeverSaw("code-st-unknown");
    }

    @Test
    void redirectUriOffTheAllowListIsRefusedAtStartAndAtCompletion() {
        String jwt = token("st-offlist", "u");
        String state = api.state(jwt, MetaStub.REDIRECT_URI);

        JsonNode atStart = badRequest(api.start(jwt, "https://attacker.example.net/oauth/callback"));
        JsonNode atCompletion = badRequest(api.complete(jwt, "code-st-offlist", "1400000007", "2400000007",
                "https://attacker.example.net/oauth/callback", state));

        for (JsonNode problem : List.of(atStart, atCompletion)) {
            assertThat(problem.get("field").asString()).isEqualTo("redirect_uri");
            assertThat(problem.get("detail").asString()).contains("not on the allow-list");
        }
        metaNeverSaw("code-st-offlist");
    }

    @Test
    void plainHttpRedirectUriToANonLocalHostIsRefused() {
        JsonNode problem = badRequest(api.start(token("st-http", "u"),
                "http://tenant-admin.example.com/oauth/callback"));

        assertThat(problem.get("detail").asString())
            .isEqualTo("redirect_uri must use https (plain http is allowed only for localhost)");
    }

    @Test
    void plainHttpRedirectUriToLocalhostIsAllowed() {
        HttpResponse<String> response = api.start(token("st-local", "u"), MetaStub.LOCAL_REDIRECT_URI);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void concurrentDoubleSubmitOfOneStateOnboardsExactlyOnce() throws Exception {
        metaAccepts("code-st-double", "EAAG-st-double", "1400000008");
        String jwt = token("st-double", "u");
        String state = api.state(jwt, null);
        CountDownLatch go = new CountDownLatch(1);
        Callable<HttpResponse<String>> submit = () -> {
            go.await();
            return api.complete(jwt, "code-st-double", "1400000008", "2400000008", null, state);
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<HttpResponse<String>> first = threads.submit(submit);
            Future<HttpResponse<String>> second = threads.submit(submit);
            go.countDown();
            List<HttpResponse<String>> responses = List.of(first.get(), second.get());

            assertThat(responses).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 400);
            HttpResponse<String> refused = responses.stream().filter(r -> r.statusCode() == 400).findFirst()
                .orElseThrow();
            assertThat(json(refused).get("reason").asString()).isEqualTo("state_already_used");
        }
        finally {
            threads.shutdownNow();
        }
        MetaStub.server().verify(1, getRequestedFor(urlPathEqualTo("/v23.0/oauth/access_token"))
            .withQueryParam("code", equalTo("code-st-double")));
        assertThat(stored.tenant("st-double").get("version")).isEqualTo(0L);
        assertThat(stored.audit("st-double")).filteredOn(entry -> "onboard".equals(entry.get("action"))).hasSize(1);
    }
}
