package io.tenantconfig.server.tenant;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.tenantconfig.server.support.ServerClient;
import io.tenantconfig.server.support.TenantConfigServerTest;
import io.tenantconfig.server.support.TestRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.tenantconfig.server.support.ServerClient.json;
import static io.tenantconfig.server.tenant.TenantApi.CONFIG;
import static io.tenantconfig.server.tenant.TenantApi.adminToken;
import static io.tenantconfig.server.tenant.TenantApi.userToken;
import static org.assertj.core.api.Assertions.assertThat;

/** Each tenant endpoint against the real server and PostgreSQL: success, validation, role, stored state. */
@TenantConfigServerTest
class TenantConfigApiTest {

    static final String TENANT = "api-acme";

    static final String FULL_BODY = """
            {"waba_id": "102030405060708", "phone_number_id": "998877665544",
             "fb_app_id": "123456789012345", "callback_url": "https://acme.example/webhook",
             "redirect_url": "http://localhost:3000/oauth/callback",
             "access_token": "EAAGtestAccessToken0000WXYZ", "fb_app_secret": "0123456789abcdef0123456789ab1f2e",
             "verify_token": "short-vt"}""";

    @LocalServerPort
    int port;

    TenantApi api;

    final TestRows rows = new TestRows();

    @BeforeEach
    void clean() {
        api = new TenantApi(port);
        rows.jdbc().update("DELETE FROM tenant_configs WHERE tenant_id LIKE 'api-%'");
        rows.jdbc().update("DELETE FROM config_audit WHERE tenant_id LIKE 'api-%'");
    }

    private HttpResponse<String> create() {
        HttpResponse<String> response = api.post(CONFIG, userToken(TENANT), FULL_BODY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response;
    }

    @Test
    void createAnswers201WithLocationEtagAndMaskedSecrets() {
        HttpResponse<String> response = create();

        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith(CONFIG));
        assertThat(response.headers().firstValue("ETag")).hasValue("\"0\"");
        JsonNode body = json(response);
        assertThat(body.get("tenant_id").asString()).isEqualTo(TENANT);
        assertThat(body.get("user_id").asString()).isEqualTo("user-of-" + TENANT);
        assertThat(body.get("waba_id").asString()).isEqualTo("102030405060708");
        assertThat(body.get("access_token").asString()).isEqualTo("***WXYZ");
        assertThat(body.get("fb_app_secret").asString()).isEqualTo("***1f2e");
        assertThat(body.get("verify_token").asString()).isEqualTo("***");
        assertThat(body.get("is_active").asBoolean()).isTrue();
        assertThat(body.get("onboarding_completed").asBoolean()).isFalse();
        assertThat(body.get("token_status").asString()).isEqualTo("valid");
        assertThat(body.has("token_expires_at")).isTrue();
        assertThat(body.has("refresh_token")).isFalse();
        assertThat(response.body()).doesNotContain("EAAGtestAccessToken", "0123456789abcdef", "short-vt");
    }

    @Test
    void secretsAreStoredEncrypted() {
        create();

        Map<String, Object> stored = rows.jdbc().queryForMap(
                "SELECT access_token, fb_app_secret, verify_token FROM tenant_configs WHERE tenant_id = ?", TENANT);
        assertThat(stored.values()).allSatisfy(value -> assertThat((String) value).startsWith("enc:v1:"));
    }

    @Test
    void secondCreateIsConflictAndChangesNothing() {
        create();

        HttpResponse<String> again = api.post(CONFIG, userToken(TENANT), "{\"waba_id\": \"1\"}");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(rows.jdbc().queryForObject("SELECT waba_id FROM tenant_configs WHERE tenant_id = ?",
                String.class, TENANT)).isEqualTo("102030405060708");
    }

    @Test
    void getAnswersMaskedConfigWithEtag() {
        create();

        HttpResponse<String> response = api.get(CONFIG, userToken(TENANT));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag")).hasValue("\"0\"");
        assertThat(json(response).get("access_token").asString()).isEqualTo("***WXYZ");
        assertThat(json(response).get("callback_url").asString()).isEqualTo("https://acme.example/webhook");
    }

    @Test
    void getWithoutConfigIsNotFound() {
        HttpResponse<String> response = api.get(CONFIG, userToken(TENANT));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("detail").asString()).contains(TENANT);
    }

    @Test
    void fullConfigIsUnmaskedForAdminOnly() {
        create();
        rows.jdbc().update("UPDATE tenant_configs SET refresh_token = 'plain-refresh' WHERE tenant_id = ?", TENANT);

        HttpResponse<String> asUser = api.get(CONFIG + "/full", userToken(TENANT));
        HttpResponse<String> asAdmin = api.get(CONFIG + "/full", adminToken(TENANT));

        assertThat(asUser.statusCode()).isEqualTo(403);
        assertThat(asUser.body()).doesNotContain("EAAGtestAccessToken");
        assertThat(asAdmin.statusCode()).isEqualTo(200);
        JsonNode full = json(asAdmin);
        assertThat(full.get("access_token").asString()).isEqualTo("EAAGtestAccessToken0000WXYZ");
        assertThat(full.get("fb_app_secret").asString()).isEqualTo("0123456789abcdef0123456789ab1f2e");
        assertThat(full.get("verify_token").asString()).isEqualTo("short-vt");
        assertThat(full.get("refresh_token").asString()).isEqualTo("plain-refresh");
    }

    @Test
    void putChangesOnlyTheFieldsSentAndNullClears() {
        create();

        HttpResponse<String> response = api.put(userToken(TENANT),
                "{\"phone_number_id\": \"111222333\", \"redirect_url\": null}", Map.of());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag")).hasValue("\"1\"");
        Map<String, Object> row = rows.jdbc().queryForMap(
                "SELECT phone_number_id, redirect_url, waba_id, callback_url, version FROM tenant_configs "
                        + "WHERE tenant_id = ?", TENANT);
        assertThat(row.get("phone_number_id")).isEqualTo("111222333");
        assertThat(row.get("redirect_url")).isNull();
        assertThat(row.get("waba_id")).isEqualTo("102030405060708");
        assertThat(row.get("callback_url")).isEqualTo("https://acme.example/webhook");
        assertThat(row.get("version")).isEqualTo(1L);
    }

    @Test
    void putOfASecretStoresItEncryptedAndAnswersItMasked() {
        create();

        HttpResponse<String> response = api.put(userToken(TENANT), "{\"access_token\": \"EAAGrotatedToken99990042\"}",
                Map.of());

        assertThat(json(response).get("access_token").asString()).isEqualTo("***0042");
        assertThat(response.body()).doesNotContain("EAAGrotatedToken");
        assertThat(json(api.get(CONFIG + "/full", adminToken(TENANT))).get("access_token").asString())
            .isEqualTo("EAAGrotatedToken99990042");
    }

    @Test
    void putWithoutConfigIsNotFound() {
        assertThat(api.put(userToken(TENANT), "{\"waba_id\": \"1\"}", Map.of()).statusCode()).isEqualTo(404);
        assertThat(rows.jdbc().queryForObject("SELECT count(*) FROM tenant_configs WHERE tenant_id = ?",
                Long.class, TENANT)).isZero();
    }

    @Test
    void putWithCurrentIfMatchAppliesAndStaleIfMatchIsPreconditionFailed() {
        create();

        HttpResponse<String> current = api.put(userToken(TENANT), "{\"waba_id\": \"5\"}", Map.of("If-Match", "\"0\""));
        HttpResponse<String> stale = api.put(userToken(TENANT), "{\"waba_id\": \"6\"}", Map.of("If-Match", "\"0\""));

        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(json(stale).get("detail").asString()).contains("If-Match");
        assertThat(rows.jdbc().queryForObject("SELECT waba_id FROM tenant_configs WHERE tenant_id = ?",
                String.class, TENANT)).isEqualTo("5");
    }

    @Test
    void deleteWithStaleIfMatchIsPreconditionFailedAndKeepsTheRow() {
        create();
        api.put(userToken(TENANT), "{\"waba_id\": \"5\"}", Map.of());

        HttpResponse<String> stale = api.send("DELETE", CONFIG, userToken(TENANT), null, Map.of("If-Match", "\"0\""));
        HttpResponse<String> staleAdmin = api.send("DELETE", "/api/v1/tenant/admin/configs/" + TENANT,
                TenantApi.platformAdminToken(), null, Map.of("If-Match", "\"0\""));

        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(412);
        assertThat(json(stale).get("detail").asString()).contains("If-Match");
        assertThat(staleAdmin.statusCode()).as(staleAdmin.body()).isEqualTo(412);
        assertThat(rows.jdbc().queryForObject("SELECT count(*) FROM tenant_configs WHERE tenant_id = ?",
                Long.class, TENANT)).isEqualTo(1);
        HttpResponse<String> current = api.send("DELETE", CONFIG, userToken(TENANT), null, Map.of("If-Match", "\"1\""));
        assertThat(current.statusCode()).as(current.body()).isEqualTo(204);
        assertThat(rows.jdbc().queryForObject("SELECT count(*) FROM tenant_configs WHERE tenant_id = ?",
                Long.class, TENANT)).isZero();
    }

    @Test
    void deactivateWithStaleIfMatchIsPreconditionFailed() {
        create();
        api.put(userToken(TENANT), "{\"waba_id\": \"5\"}", Map.of());

        HttpResponse<String> stale = api.send("POST", CONFIG + "/deactivate", userToken(TENANT), null,
                Map.of("If-Match", "\"0\""));
        HttpResponse<String> current = api.send("POST", CONFIG + "/deactivate", userToken(TENANT), null,
                Map.of("If-Match", "\"1\""));

        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(412);
        assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
        assertThat(rows.jdbc().queryForObject("SELECT is_active FROM tenant_configs WHERE tenant_id = ?",
                Boolean.class, TENANT)).isFalse();
    }

    @Test
    void malformedIfMatchIsBadRequest() {
        create();

        HttpResponse<String> response = api.put(userToken(TENANT), "{\"waba_id\": \"5\"}", Map.of("If-Match", "W/\"0\""));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(rows.jdbc().queryForObject("SELECT version FROM tenant_configs WHERE tenant_id = ?",
                Long.class, TENANT)).isZero();
    }

    @Test
    void deleteAnswers204ThenNotFound() {
        create();

        assertThat(api.delete(CONFIG, userToken(TENANT)).statusCode()).isEqualTo(204);
        assertThat(api.delete(CONFIG, userToken(TENANT)).statusCode()).isEqualTo(404);
        assertThat(rows.jdbc().queryForObject("SELECT count(*) FROM tenant_configs WHERE tenant_id = ?",
                Long.class, TENANT)).isZero();
    }

    @Test
    void deactivateAndActivateToggleIsActive() {
        create();

        HttpResponse<String> off = api.post(CONFIG + "/deactivate", userToken(TENANT), null);
        assertThat(off.statusCode()).isEqualTo(200);
        assertThat(json(off).get("is_active").asBoolean()).isFalse();
        assertThat(rows.jdbc().queryForObject("SELECT is_active FROM tenant_configs WHERE tenant_id = ?",
                Boolean.class, TENANT)).isFalse();

        HttpResponse<String> on = api.post(CONFIG + "/activate", userToken(TENANT), null);
        assertThat(json(on).get("is_active").asBoolean()).isTrue();
        assertThat(on.headers().firstValue("ETag")).hasValue("\"2\"");
    }

    @Test
    void activateWithoutConfigIsNotFound() {
        assertThat(api.post(CONFIG + "/activate", userToken(TENANT), null).statusCode()).isEqualTo(404);
        assertThat(api.post(CONFIG + "/deactivate", userToken(TENANT), null).statusCode()).isEqualTo(404);
    }

    @Test
    void everyChangeIsAuditedWithFieldNamesOnly() {
        create();
        api.put(userToken(TENANT), "{\"access_token\": \"EAAGsecretValue777\", \"waba_id\": \"42\"}", Map.of());
        api.post(CONFIG + "/deactivate", userToken(TENANT), null);
        api.post(CONFIG + "/activate", userToken(TENANT), null);
        api.delete(CONFIG, userToken(TENANT));

        List<Map<String, Object>> audit = rows.jdbc().queryForList("""
                SELECT actor, action, array_to_string(changed_fields, ',') AS fields, coalesce(detail, '') AS detail
                FROM config_audit WHERE tenant_id = ? ORDER BY id""", TENANT);
        assertThat(audit).extracting(entry -> entry.get("action"))
            .containsExactly("create", "update", "deactivate", "activate", "delete");
        assertThat(audit).allSatisfy(entry -> assertThat(entry.get("actor")).isEqualTo("user-of-" + TENANT));
        assertThat(audit.get(0).get("fields")).isEqualTo("access_token,callback_url,fb_app_id,fb_app_secret,"
                + "phone_number_id,redirect_url,verify_token,waba_id");
        assertThat(audit.get(1).get("fields")).isEqualTo("access_token,waba_id");
        assertThat(audit.get(2).get("fields")).isEqualTo("is_active");
        assertThat(audit.toString()).doesNotContain("EAAGsecretValue777", "EAAGtestAccessToken", "42\"");
    }

    @Test
    void failedWriteLeavesNoAuditEntry() {
        create();
        long before = auditCount();

        api.put(userToken(TENANT), "{\"waba_id\": \"12a\"}", Map.of());
        api.post(CONFIG, userToken(TENANT), FULL_BODY);

        assertThat(auditCount()).isEqualTo(before);
    }

    private long auditCount() {
        return rows.jdbc().queryForObject("SELECT count(*) FROM config_audit WHERE tenant_id = ?", Long.class,
                TENANT);
    }

    @Test
    void changeIsVisibleInTheNextConfigProtocolAnswer() {
        create();
        ServerClient services = api.client();
        JsonNode before = json(services.get("/" + TENANT + "/default", ServerClient.basic()));
        assertThat(ServerClient.effective(before, "whatsapp.phone-number-id")).isEqualTo("998877665544");

        api.put(userToken(TENANT), "{\"phone_number_id\": \"555000111\", \"access_token\": \"EAAGnewTokenForServices\"}",
                Map.of());

        JsonNode after = json(services.get("/" + TENANT + "/default", ServerClient.basic()));
        assertThat(ServerClient.effective(after, "whatsapp.phone-number-id")).isEqualTo("555000111");
        assertThat(ServerClient.effective(after, "whatsapp.access-token")).isEqualTo("EAAGnewTokenForServices");

        api.post(CONFIG + "/deactivate", userToken(TENANT), null);

        JsonNode inactive = json(services.get("/" + TENANT + "/default", ServerClient.basic()));
        assertThat(ServerClient.effective(inactive, "tenant.config-source")).isEqualTo("defaults");
    }
}
