package io.tenantconfig.server.tenant;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.tenantconfig.server.support.TenantConfigServerTest;
import io.tenantconfig.server.support.TestRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.tenantconfig.server.support.ServerClient.json;
import static io.tenantconfig.server.tenant.TenantApi.CONFIG;
import static io.tenantconfig.server.tenant.TenantApi.platformAdminToken;
import static io.tenantconfig.server.tenant.TenantApi.userToken;
import static org.assertj.core.api.Assertions.assertThat;

/** The admin endpoints across tenants: paging, counts, removal, audit trail. */
@TenantConfigServerTest
class TenantAdminApiTest {

    static final String ADMIN = "/api/v1/tenant/admin";

    @LocalServerPort
    int port;

    TenantApi api;

    final TestRows rows = new TestRows();

    @BeforeEach
    void tenants() {
        api = new TenantApi(port);
        rows.jdbc().update("DELETE FROM tenant_configs WHERE tenant_id LIKE 'adm-%'");
        rows.jdbc().update("DELETE FROM config_audit WHERE tenant_id LIKE 'adm-%'");
    }

    @Test
    void listIsPagedSortedByTenantAndMasked() {
        for (String tenant : List.of("adm-c", "adm-a", "adm-b")) {
            rows.tenant(tenant, true, "1", "2", "plaintext-token-of-" + tenant);
        }
        long total = rows.jdbc().queryForObject("SELECT count(*) FROM tenant_configs", Long.class);
        List<String> allTenants = rows.jdbc().queryForList(
                "SELECT tenant_id FROM tenant_configs ORDER BY tenant_id", String.class);
        int firstAdm = allTenants.indexOf("adm-a");

        HttpResponse<String> response = api.get(ADMIN + "/configs?page=" + firstAdm + "&size=1", platformAdminToken());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode page = json(response);
        assertThat(page.get("total_elements").asLong()).isEqualTo(total);
        assertThat(page.get("total_pages").asLong()).isEqualTo(total);
        assertThat(page.get("page").asInt()).isEqualTo(firstAdm);
        assertThat(page.get("content")).hasSize(1);
        assertThat(page.get("content").get(0).get("tenant_id").asString()).isEqualTo("adm-a");
        assertThat(page.get("content").get(0).get("access_token").asString()).isEqualTo("***dm-a");
        assertThat(response.body()).doesNotContain("plaintext-token");

        JsonNode descending = json(api.get(ADMIN + "/configs?size=100&sort=tenant_id,desc", platformAdminToken()));
        List<String> order = descending.get("content").valueStream().map(c -> c.get("tenant_id").asString()).toList();
        assertThat(order).containsSubsequence("adm-c", "adm-b", "adm-a");
    }

    @Test
    void aTenantWithAnUnreadableSecretDoesNotBreakTheListAndIsMarked() {
        rows.tenant("adm-broken", true, "1", "2", "enc:v1:retired9:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        HttpResponse<String> list = api.get(ADMIN + "/configs?size=100", platformAdminToken());

        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonNode broken = json(list).get("content").valueStream()
            .filter(config -> config.get("tenant_id").asString().equals("adm-broken"))
            .findFirst()
            .orElseThrow();
        assertThat(broken.get("access_token").asString()).isEqualTo(SecretMask.UNREADABLE);
        assertThat(list.body()).doesNotContain("enc:v1:retired9");

        HttpResponse<String> own = api.get(CONFIG, userToken("adm-broken"));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(json(own).get("access_token").asString()).isEqualTo(SecretMask.UNREADABLE);
    }

    @ParameterizedTest
    @ValueSource(strings = { "size=101", "size=0", "page=-1", "page=x", "sort=waba_id", "sort=tenant_id,up" })
    void badPagingIsBadRequest(String query) {
        HttpResponse<String> response = api.get(ADMIN + "/configs?" + query, platformAdminToken());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("detail").asString()).isNotBlank();
    }

    @Test
    void statsCountWhatIsStored() {
        JsonNode before = json(api.get(ADMIN + "/configs/stats", platformAdminToken()));
        rows.tenant("adm-active", true, "1", null, null);
        rows.tenant("adm-inactive", false, "1", null, null);
        rows.jdbc().update("UPDATE tenant_configs SET onboarding_completed = true WHERE tenant_id = 'adm-active'");

        JsonNode after = json(api.get(ADMIN + "/configs/stats", platformAdminToken()));

        assertThat(after.get("total").asLong() - before.get("total").asLong()).isEqualTo(2);
        assertThat(after.get("active").asLong() - before.get("active").asLong()).isEqualTo(1);
        assertThat(after.get("inactive").asLong() - before.get("inactive").asLong()).isEqualTo(1);
        assertThat(after.get("onboarded").asLong() - before.get("onboarded").asLong()).isEqualTo(1);
        assertThat(after.get("pending").asLong() - before.get("pending").asLong()).isEqualTo(1);
    }

    @Test
    void adminDeletesAnyTenantAndIsAudited() {
        rows.tenant("adm-gone", true, "1", null, null);

        HttpResponse<String> deleted = api.delete(ADMIN + "/configs/adm-gone", platformAdminToken());
        HttpResponse<String> again = api.delete(ADMIN + "/configs/adm-gone", platformAdminToken());

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(rows.jdbc().queryForObject("SELECT count(*) FROM tenant_configs WHERE tenant_id = 'adm-gone'",
                Long.class)).isZero();
        assertThat(rows.jdbc().queryForObject(
                "SELECT actor FROM config_audit WHERE tenant_id = 'adm-gone' AND action = 'delete'", String.class))
            .isEqualTo("platform-admin");
    }

    @Test
    void deleteWithInvalidTenantIdIsBadRequest() {
        assertThat(api.delete(ADMIN + "/configs/application", platformAdminToken()).statusCode()).isEqualTo(400);
        assertThat(api.delete(ADMIN + "/configs/a%20b", platformAdminToken()).statusCode()).isEqualTo(400);
    }

    @Test
    void auditTrailIsReadableFilteredByTenantNewestFirst() {
        api.post(CONFIG, userToken("adm-audited"), "{\"access_token\": \"EAAGauditedSecret123\"}");
        api.put(userToken("adm-audited"), "{\"waba_id\": \"77\"}", Map.of());
        api.post(CONFIG, userToken("adm-other"), "{\"waba_id\": \"1\"}");

        HttpResponse<String> response = api.get(ADMIN + "/audit?tenant_id=adm-audited", platformAdminToken());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode page = json(response);
        assertThat(page.get("total_elements").asLong()).isEqualTo(2);
        JsonNode newest = page.get("content").get(0);
        assertThat(newest.get("action").asString()).isEqualTo("update");
        assertThat(newest.get("actor").asString()).isEqualTo("user-of-adm-audited");
        assertThat(newest.get("changed_fields").get(0).asString()).isEqualTo("waba_id");
        assertThat(page.get("content").get(1).get("changed_fields").get(0).asString()).isEqualTo("access_token");
        assertThat(response.body()).doesNotContain("EAAGauditedSecret123", "adm-other");
    }
}
