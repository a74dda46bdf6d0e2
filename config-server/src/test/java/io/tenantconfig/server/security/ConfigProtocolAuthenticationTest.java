package io.tenantconfig.server.security;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.tenantconfig.server.support.ServerClient;
import io.tenantconfig.server.support.TenantConfigServerTest;
import io.tenantconfig.server.support.TestKeys;
import io.tenantconfig.server.support.TestRows;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.tenantconfig.server.support.ServerClient.basic;
import static io.tenantconfig.server.support.ServerClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** Service authentication on every config path variant, and the tenant API refusing Basic. */
@TenantConfigServerTest
class ConfigProtocolAuthenticationTest {

    static final List<String> ACME_PATHS = List.of("/auth-acme/default", "/auth-acme/default/main",
            "/auth-acme-default.yml", "/auth-acme-default.yaml", "/auth-acme-default.properties",
            "/auth-acme-default.json", "/main/auth-acme-default.yml", "/main/auth-acme-default.yaml",
            "/main/auth-acme-default.properties", "/main/auth-acme-default.json");

    @LocalServerPort
    int port;

    ServerClient client;

    @BeforeAll
    static void tenants() {
        TestRows rows = new TestRows();
        rows.jdbc().update("DELETE FROM tenant_configs WHERE tenant_id LIKE 'auth-%'");
        rows.tenant("auth-acme", true, "acme-phone", "acme-waba", null);
        rows.tenant("auth-other", true, "other-phone", null, null);
    }

    @BeforeEach
    void client() {
        client = new ServerClient(port);
    }

    private static String token(String tenant, String scope) {
        return bearer(TestKeys.jwt(Map.of("tenant_id", tenant, "scope", scope)));
    }

    @ParameterizedTest
    @FieldSource("ACME_PATHS")
    void withoutCredentialsIsUnauthorizedProblem(String path) {
        HttpResponse<String> response = client.get(path, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("acme-phone");
    }

    @ParameterizedTest
    @FieldSource("ACME_PATHS")
    void wrongBasicPasswordIsUnauthorized(String path) {
        assertThat(client.get(path, basic(TestKeys.SERVICE_USER, "wrong")).statusCode()).isEqualTo(401);
    }

    @ParameterizedTest
    @FieldSource("ACME_PATHS")
    void basicCredentialsRead(String path) {
        HttpResponse<String> response = client.get(path, basic());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("acme-phone");
    }

    @ParameterizedTest
    @FieldSource("ACME_PATHS")
    void tokenOfTheSameTenantReads(String path) {
        HttpResponse<String> response = client.get(path, token("auth-acme", "config:read"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("acme-phone");
    }

    @ParameterizedTest
    @FieldSource("ACME_PATHS")
    void tokenOfAnotherTenantIsForbidden(String path) {
        HttpResponse<String> response = client.get(path, token("auth-other", "config:read"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("acme-phone");
    }

    @ParameterizedTest
    @FieldSource("ACME_PATHS")
    void tokenWithoutConfigReadScopeIsForbidden(String path) {
        assertThat(client.get(path, token("auth-acme", "profile")).statusCode()).isEqualTo(403);
    }

    @Test
    void dashedTenantIdInFileStylePathCannotReachANeighbour() {
        // "/auth-other-acme-default.yml" resolves to application "auth-other-acme", not "auth-other"
        HttpResponse<String> response = client.get("/auth-other-acme-default.yml", token("auth-other", "config:read"));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void nonStringTenantClaimIsForbidden() {
        String token = bearer(TestKeys.jwt(Map.of("tenant_id", List.of("auth-acme"), "scope", "config:read")));

        assertThat(client.get("/auth-acme/default", token).statusCode()).isEqualTo(403);
    }

    @Test
    void tokenWithoutExpiryIsUnauthorized() {
        String unsigned = TestKeys.jwtWithoutExpiry(Map.of("scope", "config:read"));

        assertThat(client.get("/auth-acme/default", bearer(unsigned)).statusCode()).isEqualTo(401);
    }

    @Test
    void basicCredentialsDoNotOpenTheTenantApi() {
        HttpResponse<String> response = client.get("/api/v1/tenant/config", basic());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void healthIsPublicAndReportsTheDatabase() {
        HttpResponse<String> response = client.get("/actuator/health", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"db\"");
    }
}
