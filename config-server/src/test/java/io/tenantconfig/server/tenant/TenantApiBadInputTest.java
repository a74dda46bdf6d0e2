package io.tenantconfig.server.tenant;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tenantconfig.server.support.TenantConfigServerTest;
import io.tenantconfig.server.support.TestKeys;
import io.tenantconfig.server.support.TestRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.tenantconfig.server.support.ServerClient.bearer;
import static io.tenantconfig.server.support.ServerClient.json;
import static io.tenantconfig.server.tenant.TenantApi.CONFIG;
import static io.tenantconfig.server.tenant.TenantApi.userToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input list: every case answers a clear 4xx problem detail and leaves the database as it was
 * (no row for {@value #NEW} after a refused create; {@value #EXISTING}'s row unchanged after a refused update).
 */
@TenantConfigServerTest
class TenantApiBadInputTest {

    static final String NEW = "bad-new";

    static final String EXISTING = "bad-existing";

    @LocalServerPort
    int port;

    TenantApi api;

    final TestRows rows = new TestRows();

    Map<String, Object> existingBefore;

    @BeforeEach
    void rows() {
        api = new TenantApi(port);
        rows.jdbc().update("DELETE FROM tenant_configs WHERE tenant_id LIKE 'bad-%'");
        rows.tenant(EXISTING, true, "12345", "67890", null);
        existingBefore = existingRow();
    }

    private Map<String, Object> existingRow() {
        return rows.jdbc().queryForMap("SELECT * FROM tenant_configs WHERE tenant_id = ?", EXISTING);
    }

    private void assertNothingStored() {
        assertThat(rows.jdbc().queryForObject("SELECT count(*) FROM tenant_configs WHERE tenant_id = ?", Long.class,
                NEW)).isZero();
        assertThat(existingRow()).isEqualTo(existingBefore);
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "at io.", "SELECT", "UPDATE tenant_configs");
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"waba_id\": \"1\"", "{waba_id: \"1\"}", "not json", "{\"waba_id\": \"1\"} trailing",
            "[{\"waba_id\": \"1\"}]", "\"a string\"", "null", "{\"waba_id\": \"1\", \"waba_id\": \"2\"}" })
    void malformedOrNonObjectJsonIsBadRequest(String body) {
        assertProblem(api.post(CONFIG, userToken(NEW), body), 400);
        assertProblem(api.put(userToken(EXISTING), body, Map.of()), 400);
        assertNothingStored();
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"waba_id\": 123}", "{\"phone_number_id\": true}", "{\"is_active\": \"true\"}",
            "{\"callback_url\": {\"url\": \"https://x.example\"}}", "{\"access_token\": [\"EAAG\"]}",
            "{\"is_active\": null}" })
    void wrongTypesAreBadRequestNamingTheField(String body) {
        String field = body.substring(2, body.indexOf('"', 2));

        HttpResponse<String> create = api.post(CONFIG, userToken(NEW), body);
        HttpResponse<String> update = api.put(userToken(EXISTING), body, Map.of());

        assertProblem(create, 400);
        assertProblem(update, 400);
        assertThat(json(update).get("field").asString()).isEqualTo(field);
        assertNothingStored();
    }

    @ParameterizedTest
    @ValueSource(strings = { "waba_id", "phone_number_id", "fb_app_id", "callback_url", "redirect_url",
            "access_token", "fb_app_secret", "verify_token" })
    void emptyAndBlankStringsAreBadRequest(String field) {
        assertProblem(api.post(CONFIG, userToken(NEW), "{\"" + field + "\": \"\"}"), 400);
        assertProblem(api.put(userToken(EXISTING), "{\"" + field + "\": \"   \"}", Map.of()), 400);
        assertNothingStored();
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"waba_id\": \"12a4\"}", "{\"waba_id\": \"123456789012345678901234567890123\"}",
            "{\"phone_number_id\": \"-5\"}", "{\"fb_app_id\": \" 12\"}",
            "{\"callback_url\": \"http://acme.example/webhook\"}", "{\"callback_url\": \"ftp://acme.example/x\"}",
            "{\"redirect_url\": \"/relative/path\"}", "{\"redirect_url\": \"https://user:pw@acme.example/\"}",
            "{\"callback_url\": \"https://a b.example\"}", "{\"verify_token\": \"***abcd\"}",
            "{\"access_token\": \"line\\nbreak\"}" })
    void invalidValuesAreBadRequest(String body) {
        assertProblem(api.post(CONFIG, userToken(NEW), body), 400);
        assertProblem(api.put(userToken(EXISTING), body, Map.of()), 400);
        assertNothingStored();
    }

    @Test
    void overlongFieldsAreBadRequest() {
        String url = "https://acme.example/" + "a".repeat(2048);
        String secret = "s".repeat(257);

        assertProblem(api.post(CONFIG, userToken(NEW), "{\"callback_url\": \"" + url + "\"}"), 400);
        assertProblem(api.put(userToken(EXISTING), "{\"verify_token\": \"" + secret + "\"}", Map.of()), 400);
        assertNothingStored();
    }

    @Test
    void unknownFieldIsRefusedByName() {
        HttpResponse<String> response = api.post(CONFIG, userToken(NEW),
                "{\"waba_id\": \"1\", \"phone_id\": \"2\"}");

        assertProblem(response, 400);
        assertThat(json(response).get("field").asString()).isEqualTo("phone_id");
        assertThat(json(response).get("detail").asString()).contains("phone_id");
        assertNothingStored();
    }

    @Test
    void readOnlyFieldsAreRefusedWithTheReason() {
        HttpResponse<String> response = api.put(userToken(EXISTING), "{\"onboarding_completed\": true}", Map.of());

        assertProblem(response, 400);
        assertThat(json(response).get("detail").asString()).contains("onboarding");
        assertNothingStored();
    }

    @Test
    void localhostMayUsePlainHttp() {
        HttpResponse<String> response = api.post(CONFIG, userToken(NEW),
                "{\"callback_url\": \"http://127.0.0.1:8080/webhook\", \"redirect_url\": \"http://[::1]/cb\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    @Test
    void emptyBodyAndEmptyObjectAreBadRequest() {
        assertProblem(api.post(CONFIG, userToken(NEW), ""), 400);
        assertProblem(api.put(userToken(EXISTING), "{}", Map.of()), 400);
        assertNothingStored();
    }

    @Test
    void wrongContentTypeIsUnsupportedMediaType() {
        HttpResponse<String> response = api.send("POST", CONFIG, userToken(NEW), "waba_id=1",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));

        assertProblem(response, 415);
        assertNothingStored();
    }

    @Test
    void oneMegabyteBodyIsContentTooLarge() {
        String huge = "{\"access_token\": \"" + "x".repeat(1024 * 1024) + "\"}";

        assertProblem(api.post(CONFIG, userToken(NEW), huge), 413);
        assertProblem(api.put(userToken(EXISTING), huge, Map.of()), 413);
        assertNothingStored();
    }

    @Test
    void chunkedBodyOverTheLimitIsContentTooLarge() {
        byte[] huge = ("{\"access_token\": \"" + "x".repeat(RequestBodyLimitFilter.MAX_BYTES) + "\"}").getBytes();

        HttpResponse<String> response = api.client().send("PUT", CONFIG,
                Map.of("Authorization", bearer(userToken(EXISTING)), "Content-Type", "application/json"),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)));

        assertProblem(response, 413);
        assertNothingStored();
    }

    @Test
    void chunkedBodyUnderTheLimitIsRead() {
        byte[] body = "{\"waba_id\": \"424242\"}".getBytes();

        HttpResponse<String> response = api.client().send("PUT", CONFIG,
                Map.of("Authorization", bearer(userToken(EXISTING)), "Content-Type", "application/json"),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(existingRow().get("waba_id")).isEqualTo("424242");
    }

    @Test
    void missingAuthorizationIsUnauthorized() {
        assertProblem(api.post(CONFIG, null, "{\"waba_id\": \"1\"}"), 401);
        assertProblem(api.put(null, "{\"waba_id\": \"1\"}", Map.of()), 401);
        assertNothingStored();
    }

    @Test
    void algNoneIsUnauthorized() {
        assertProblem(api.post(CONFIG, ForgedTokens.unsigned(NEW), "{\"waba_id\": \"1\"}"), 401);
        assertProblem(api.put(ForgedTokens.unsigned(EXISTING), "{\"waba_id\": \"1\"}", Map.of()), 401);
        assertNothingStored();
    }

    @Test
    void tokenSignedWithAnotherKeyIsUnauthorized() {
        String otherSecret = "another-secret-that-is-also-32-bytes-or-more";

        assertProblem(api.post(CONFIG, ForgedTokens.hmac(NEW, otherSecret, Instant.now().plusSeconds(300)),
                "{\"waba_id\": \"1\"}"), 401);
        assertNothingStored();
    }

    @Test
    void expiredTokenIsUnauthorized() {
        String expired = ForgedTokens.hmac(EXISTING, TestKeys.JWT_SECRET, Instant.now().minusSeconds(3600));

        assertProblem(api.put(expired, "{\"waba_id\": \"1\"}", Map.of()), 401);
        assertNothingStored();
    }

    @Test
    void rs256TokenWhereHs256IsConfiguredIsUnauthorized() {
        String rs256 = ForgedTokens.rs256(NEW, (RSAPrivateKey) ForgedTokens.RSA.getPrivate());

        assertProblem(api.post(CONFIG, rs256, "{\"waba_id\": \"1\"}"), 401);
        assertNothingStored();
    }

    @Test
    void tokenWithoutExpiryIsUnauthorized() {
        String noExpiry = TestKeys.jwtWithoutExpiry(Map.of("tenant_id", NEW));

        assertProblem(api.post(CONFIG, noExpiry, "{\"waba_id\": \"1\"}"), 401);
        assertNothingStored();
    }

    @ParameterizedTest
    @ValueSource(strings = { "callback_url", "access_token", "verify_token", "fb_app_secret" })
    void unpairedSurrogateIsBadRequestNamingTheField(String field) {
        String prefix = field.equals("callback_url") ? "https://example.com/" : "EAAGvalid";
        for (String half : List.of("\\uD800", "\\uDC00", "x\\uDBFFy")) {
            HttpResponse<String> create = api.post(CONFIG, userToken(NEW),
                    "{\"" + field + "\": \"" + prefix + half + "\"}");
            HttpResponse<String> update = api.put(userToken(EXISTING),
                    "{\"" + field + "\": \"" + prefix + half + "\"}", Map.of());

            assertProblem(create, 400);
            assertThat(json(create).get("field").asString()).isEqualTo(field);
            assertProblem(update, 400);
            assertThat(json(update).get("field").asString()).isEqualTo(field);
        }
        assertNothingStored();
        HttpResponse<String> pair = api.put(userToken(EXISTING),
                "{\"" + field + "\": \"" + prefix + "\\uD83D\\uDE00\"}", Map.of());
        assertThat(pair.statusCode()).as("a whole surrogate pair is a valid character: " + pair.body()).isEqualTo(200);
    }

    @Test
    void securityLayerProblemsDeclareUtf8() {
        HttpResponse<String> response = api.post(CONFIG, null, "{\"waba_id\": \"1\"}");

        assertProblem(response, 401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type.toLowerCase(java.util.Locale.ROOT)).contains("charset=utf-8"));
    }

    @Test
    void tokenWithoutUsableSubjectIsForbidden() {
        Map<String, Object> noSubject = new HashMap<>(Map.of("tenant_id", NEW));
        noSubject.put("sub", null);
        for (String token : List.of(TestKeys.jwt(noSubject), TestKeys.jwt(Map.of("tenant_id", NEW, "sub", " ")),
                TestKeys.jwt(Map.of("tenant_id", NEW, "sub", "u".repeat(256))),
                TestKeys.jwt(Map.of("tenant_id", NEW, "sub", "alice\nadmin=true")),
                TestKeys.jwt(Map.of("tenant_id", NEW, "sub", "alice\u0000")))) {
            assertProblem(api.post(CONFIG, token, "{\"waba_id\": \"1\"}"), 403);
        }
        String overlong = TestKeys.jwt(Map.of("tenant_id", EXISTING, "sub", "u".repeat(256)));
        assertProblem(api.put(overlong, "{\"waba_id\": \"1\"}", Map.of()), 403);
        assertNothingStored();
        String longest = TestKeys.jwt(Map.of("tenant_id", NEW, "sub", "u".repeat(255)));
        assertThat(api.post(CONFIG, longest, "{\"waba_id\": \"1\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void errorBodiesNeverEchoSubmittedSecrets() {
        HttpResponse<String> response = api.put(userToken(EXISTING),
                "{\"access_token\": \"EAAGleakCheck1234\", \"callback_url\": \"http://evil.example\"}", Map.of());

        assertProblem(response, 400);
        assertThat(response.body()).doesNotContain("EAAGleakCheck1234", "evil.example");
        assertNothingStored();
    }
}
