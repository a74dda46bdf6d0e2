package io.tenantconfig.server.onboarding;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tenantconfig.server.crypto.SecretCipher;
import io.tenantconfig.server.support.MetaStub;
import io.tenantconfig.server.support.TenantConfigServerTest;
import io.tenantconfig.server.support.TestRows;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.tenantconfig.server.onboarding.OnboardingApi.json;
import static io.tenantconfig.server.onboarding.OnboardingApi.token;
import static io.tenantconfig.server.onboarding.OnboardingFlowTest.SCOPES;
import static io.tenantconfig.server.onboarding.OnboardingFlowTest.SIXTY_DAYS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Meta saying no or failing to answer: a clear 400 or 502 problem detail, nothing stored, a previous
 * configuration left exactly as it was, and no secret in a body or a log line.
 */
@TenantConfigServerTest
@ExtendWith(OutputCaptureExtension.class)
class OnboardingMetaFailureTest {

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

    /** Onboards {@code tenant} in the redirect flow with {@code code}, whose exchange Meta answers as stubbed. */
    private HttpResponse<String> onboardRedirect(String tenant, String code) {
        String jwt = token(tenant, "admin-" + tenant);
        return api.complete(jwt, code, "1300000001", "2300000001", MetaStub.REDIRECT_URI,
                api.state(jwt, MetaStub.REDIRECT_URI));
    }

    private static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        return json(response);
    }

    @Test
    void redirectUriMismatchAtMetaIsABadRequestAndStoresNothing() {
        MetaStub.codeExchange("code-mismatch", MetaStub.error(100, null, "Error validating verification code. "
                + "Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request"));

        JsonNode problem = problem(onboardRedirect("onb-mismatch", "code-mismatch"), 400);

        assertThat(problem.get("detail").asString()).isEqualTo("redirect_uri does not match the one used in the dialog");
        assertThat(problem.get("meta_code").asInt()).isEqualTo(100);
        assertThat(problem.get("fbtrace_id").asString()).isEqualTo("AbCdEf123");
        assertThat(stored.tenantExists("onb-mismatch")).isFalse();
    }

    @Test
    void reusedCodeSaysAuthorizationCodeAlreadyUsed() {
        MetaStub.codeExchange("code-reused", MetaStub.error(100, 36009, "This authorization code has been used."));

        JsonNode problem = problem(onboardRedirect("onb-reused", "code-reused"), 400);

        assertThat(problem.get("detail").asString()).isEqualTo("authorization code already used");
        assertThat(problem.get("meta_subcode").asInt()).isEqualTo(36009);
        assertThat(stored.tenantExists("onb-reused")).isFalse();
    }

    @Test
    void expiredCodeSaysAuthorizationCodeExpired() {
        MetaStub.codeExchange("code-expired", MetaStub.error(100, 36007, "This authorization code has expired."));

        JsonNode problem = problem(onboardRedirect("onb-expired", "code-expired"), 400);

        assertThat(problem.get("detail").asString()).isEqualTo("authorization code expired");
        assertThat(stored.tenantExists("onb-expired")).isFalse();
    }

    @Test
    void metaServerErrorIsABadGateway() {
        MetaStub.codeExchange("code-meta-500", aResponse().withStatus(500).withBody("{}"));

        JsonNode problem = problem(onboardRedirect("onb-meta-500", "code-meta-500"), 502);

        assertThat(problem.get("detail").asString()).contains("HTTP 500", "try again later");
        assertThat(stored.tenantExists("onb-meta-500")).isFalse();
    }

    @Test
    void metaSlowerThanTheReadTimeoutIsABadGateway() {
        MetaStub.codeExchange("code-meta-slow", MetaStub.token("EAAG-never-delivered", SIXTY_DAYS)
            .withFixedDelay((int) MetaStub.READ_TIMEOUT.plusSeconds(2).toMillis()));

        JsonNode problem = problem(onboardRedirect("onb-meta-slow", "code-meta-slow"), 502);

        assertThat(problem.get("detail").asString())
            .contains("did not answer within " + MetaStub.READ_TIMEOUT.toMillis() + " ms");
        assertThat(stored.tenantExists("onb-meta-slow")).isFalse();
    }

    @Test
    void metaAnsweringHtmlIsABadGateway() {
        MetaStub.codeExchange("code-meta-html", aResponse().withStatus(200)
            .withHeader("Content-Type", "text/html")
            .withBody("<html><body>Sorry, something went wrong.</body></html>"));

        JsonNode problem = problem(onboardRedirect("onb-meta-html", "code-meta-html"), 502);

        assertThat(problem.get("detail").asString()).contains("something other than JSON");
        assertThat(stored.tenantExists("onb-meta-html")).isFalse();
    }

    @Test
    void anExistingConfigSurvivesAFailedReOnboardingByteForByte() {
        TestRows rows = new TestRows();
        rows.tenant("onb-survivor", true, "2300000090", "1300000090", cipher.encrypt("EAAG-working-token"));
        rows.jdbc().update("UPDATE tenant_configs SET onboarding_completed = true, onboarded_at = now(), "
                + "callback_url = 'https://hooks.example.com/survivor' WHERE tenant_id = 'onb-survivor'");
        String before = stored.tenantRowText("onb-survivor");
        int auditBefore = stored.audit("onb-survivor").size();
        // the code exchange works; Meta then fails on the token check, after which nothing may be stored
        MetaStub.codeExchange("code-survivor", MetaStub.token("EAAG-long-survivor", SIXTY_DAYS));
        MetaStub.debugToken("EAAG-long-survivor", aResponse().withStatus(503));

        problem(onboardRedirect("onb-survivor", "code-survivor"), 502);

        assertThat(stored.tenantRowText("onb-survivor")).isEqualTo(before);
        assertThat(stored.audit("onb-survivor")).hasSize(auditBefore);
    }

    @Test
    void aStoredSecretThatCannotBeReadIsAClearServerErrorWithoutTheSecret() {
        new TestRows().jdbc().update("""
                INSERT INTO tenant_configs (tenant_id, fb_app_id, fb_app_secret)
                VALUES ('onb-broken-secret', '1200000000000077', ?)""",
                cipher.encrypt("tenant-own-app-secret").replaceFirst(".....$", "AAAA="));

        HttpResponse<String> response = api.start(token("onb-broken-secret", "admin-broken"), null);

        JsonNode problem = problem(response, 500);
        assertThat(problem.get("detail").asString()).contains("onb-broken-secret", "cannot be read",
                cipher.currentKeyId());
        assertThat(response.body()).doesNotContain("enc:v1", "tenant-own-app-secret");
        assertThat(stored.jdbc().queryForObject("SELECT count(*) FROM oauth_states WHERE tenant_id = "
                + "'onb-broken-secret'", Long.class)).isZero();
    }

    @Test
    void aDatabaseFailureWhileStoringIsAServerErrorWithoutSqlAndStoresNothing() {
        // a real refusal by PostgreSQL: a trigger that rejects this one tenant's row
        stored.jdbc().execute("""
                CREATE FUNCTION refuse_onb_db_refuses() RETURNS trigger AS $$
                BEGIN
                    IF NEW.tenant_id = 'onb-db-refuses' THEN
                        RAISE EXCEPTION 'tenant_configs row refused for the test';
                    END IF;
                    RETURN NEW;
                END;
                $$ LANGUAGE plpgsql""");
        stored.jdbc().execute("CREATE TRIGGER refuse_onb_db_refuses BEFORE INSERT OR UPDATE ON tenant_configs "
                + "FOR EACH ROW EXECUTE FUNCTION refuse_onb_db_refuses()");
        try {
            MetaStub.codeExchange("code-db-refuses", MetaStub.token("EAAG-long-db-refuses", SIXTY_DAYS));
            MetaStub.validToken("EAAG-long-db-refuses", Instant.now().plus(60, ChronoUnit.DAYS), SCOPES);

            HttpResponse<String> response = onboardRedirect("onb-db-refuses", "code-db-refuses");

            JsonNode problem = problem(response, 500);
            assertThat(problem.get("detail").asString()).isEqualTo(
                    "could not store the onboarding result; the configuration was not changed, start the "
                            + "onboarding again");
            assertThat(response.body()).doesNotContainIgnoringCase("insert").doesNotContain("tenant_configs",
                    "refused for the test", "EAAG-long-db-refuses");
            assertThat(stored.tenantExists("onb-db-refuses")).isFalse();
            assertThat(stored.audit("onb-db-refuses")).isEmpty();
        }
        finally {
            stored.jdbc().execute("DROP TRIGGER refuse_onb_db_refuses ON tenant_configs");
            stored.jdbc().execute("DROP FUNCTION refuse_onb_db_refuses()");
        }
    }

    @Test
    void theReservedSharedNameCannotOnboard() {
        HttpResponse<String> response = api.start(token("application", "admin-reserved"), null);

        JsonNode problem = problem(response, 403);
        assertThat(problem.get("detail").asString()).contains("not 'application'");
    }

    @Test
    void noSecretAppearsInLogsOrErrorBodies(CapturedOutput output) {
        Instant expiresAt = Instant.now().plus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        MetaStub.codeExchange("code-secret-ok-7c2e", MetaStub.token("EAAG-short-secret-9d41", 3600));
        MetaStub.longLivedExchange("EAAG-short-secret-9d41", MetaStub.token("EAAG-long-secret-4b7a", SIXTY_DAYS));
        MetaStub.validToken("EAAG-long-secret-4b7a", expiresAt, SCOPES);
        MetaStub.subscription("1300000001", MetaStub.error(200, null, "Permissions error"));
        MetaStub.codeExchange("code-secret-used-5e8f", MetaStub.error(100, 36009, "This authorization code has "
                + "been used."));
        MetaStub.codeExchange("code-secret-html-3a6b", aResponse().withStatus(502).withBody("<html>bad</html>"));

        List<HttpResponse<String>> responses = new ArrayList<>();
        responses.add(onboardRedirect("onb-secrets", "code-secret-ok-7c2e"));
        responses.add(onboardRedirect("onb-secrets", "code-secret-used-5e8f"));
        responses.add(onboardRedirect("onb-secrets", "code-secret-html-3a6b"));

        assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(200, 400, 502);
        List<String> secrets = List.of(MetaStub.APP_SECRET, "EAAG-short-secret-9d41", "EAAG-long-secret-4b7a",
                "code-secret-ok-7c2e", "code-secret-used-5e8f", "code-secret-html-3a6b");
        for (HttpResponse<String> response : responses) {
            assertThat(response.body()).doesNotContain(secrets);
        }
        assertThat(output.getAll()).contains("Tenant onb-secrets onboarded WABA 1300000001")
            .doesNotContain(secrets);
    }
}
