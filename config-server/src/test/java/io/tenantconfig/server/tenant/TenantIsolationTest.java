package io.tenantconfig.server.tenant;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.tenantconfig.server.support.TenantConfigServerTest;
import io.tenantconfig.server.support.TestKeys;
import io.tenantconfig.server.support.TestRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.tenantconfig.server.tenant.TenantApi.CONFIG;
import static io.tenantconfig.server.tenant.TenantApi.adminToken;
import static io.tenantconfig.server.tenant.TenantApi.userToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant A's token against tenant B's stored configuration, through every endpoint: A only ever reaches its own
 * (absent) row, and B's row is the same afterwards. Tokens without a usable tenant are refused.
 */
@TenantConfigServerTest
class TenantIsolationTest {

    static final String A = "iso-a";

    static final String B = "iso-b";

    @LocalServerPort
    int port;

    TenantApi api;

    final TestRows rows = new TestRows();

    @BeforeEach
    void tenantBOnly() {
        api = new TenantApi(port);
        rows.jdbc().update("DELETE FROM tenant_configs WHERE tenant_id LIKE 'iso-%'");
        rows.tenant(B, true, "424242", "434343", "b-secret-access-token");
    }

    private Map<String, Object> rowOfB() {
        return rows.jdbc().queryForMap("SELECT * FROM tenant_configs WHERE tenant_id = ?", B);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({ "GET, /config", "GET, /config/full", "PUT, /config", "DELETE, /config", "POST, /config/activate",
            "POST, /config/deactivate" })
    void tenantAReachesOnlyItsOwnAbsentConfig(String method, String path) {
        Map<String, Object> before = rowOfB();

        HttpResponse<String> response = api.send(method, "/api/v1/tenant" + path + "?tenant_id=" + B,
                adminToken(A), method.equals("PUT") ? "{\"waba_id\": \"1\"}" : null, Map.of("X-Tenant-ID", B));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("424242", "434343", "b-secret");
        assertThat(rowOfB()).isEqualTo(before);
    }

    @Test
    void tenantACreatesItsOwnRowNeverB() {
        Map<String, Object> before = rowOfB();

        HttpResponse<String> response = api.post(CONFIG, userToken(A), "{\"waba_id\": \"999\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(rowOfB()).isEqualTo(before);
        assertThat(rows.jdbc().queryForObject("SELECT waba_id FROM tenant_configs WHERE tenant_id = ?", String.class,
                A)).isEqualTo("999");
    }

    @Test
    void tenantIdInTheBodyIsRefused() {
        HttpResponse<String> response = api.post(CONFIG, userToken(A), "{\"tenant_id\": \"" + B + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("tenant_id");
        assertThat(rows.jdbc().queryForObject("SELECT count(*) FROM tenant_configs WHERE tenant_id = ?", Long.class,
                A)).isZero();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({ "GET, /admin/configs", "GET, /admin/configs/stats", "DELETE, /admin/configs/iso-b",
            "GET, /admin/audit", "GET, /config/full" })
    void adminEndpointsRefuseATenantUser(String method, String path) {
        Map<String, Object> before = rowOfB();

        HttpResponse<String> response = api.send(method, "/api/v1/tenant" + path, userToken(B), null, Map.of());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("b-secret");
        assertThat(rowOfB()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({ "GET, /config", "POST, /config", "PUT, /config", "DELETE, /config", "POST, /config/activate",
            "POST, /config/deactivate", "GET, /config/full" })
    void tokenWithoutTenantClaimIsForbidden(String method, String path) {
        String noTenant = TestKeys.jwt(Map.of("sub", "someone", "roles", List.of("admin")));
        Map<String, Object> before = rowOfB();

        HttpResponse<String> response = api.send(method, "/api/v1/tenant" + path, noTenant,
                method.equals("POST") && path.equals("/config") || method.equals("PUT") ? "{\"waba_id\": \"7\"}"
                        : null, Map.of());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(rowOfB()).isEqualTo(before);
        assertThat(rows.jdbc().queryForObject("SELECT count(*) FROM tenant_configs WHERE waba_id = '7'",
                Long.class)).isZero();
    }

    @Test
    void tenantClaimOfAnotherTypeIsForbidden() {
        String listClaim = TestKeys.jwt(Map.of("tenant_id", List.of(B)));
        String numberClaim = TestKeys.jwt(Map.of("tenant_id", 42));

        assertThat(api.get(CONFIG, listClaim).statusCode()).isEqualTo(403);
        assertThat(api.post(CONFIG, numberClaim, "{\"waba_id\": \"7\"}").statusCode()).isEqualTo(403);
        assertThat(rows.jdbc().queryForObject("SELECT count(*) FROM tenant_configs WHERE tenant_id = '42'",
                Long.class)).isZero();
    }

    @Test
    void reservedSharedApplicationNameIsNoTenant() {
        HttpResponse<String> response = api.post(CONFIG, userToken("application"), "{\"waba_id\": \"7\"}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(rows.jdbc().queryForObject("SELECT count(*) FROM tenant_configs WHERE tenant_id = 'application'",
                Long.class)).isZero();
    }
}
