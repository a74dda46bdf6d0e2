package io.tenantconfig.server.tenant;

import java.net.http.HttpResponse;

import io.tenantconfig.server.support.ServerClient;
import io.tenantconfig.server.support.TenantConfigServerTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI description and its UI open without a token and describe the tenant API with its bearer scheme. */
@TenantConfigServerTest
class TenantApiDocumentationTest {

    @LocalServerPort
    int port;

    @Test
    void apiDocsDescribeEveryTenantEndpointWithBearerSecurity() {
        HttpResponse<String> response = new ServerClient(port).get("/v3/api-docs", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode docs = ServerClient.json(response);
        assertThat(docs.at("/components/securitySchemes/bearer-jwt/scheme").asString()).isEqualTo("bearer");
        JsonNode paths = docs.get("paths");
        assertThat(paths.has("/api/v1/tenant/config")).isTrue();
        assertThat(paths.has("/api/v1/tenant/config/full")).isTrue();
        assertThat(paths.has("/api/v1/tenant/config/activate")).isTrue();
        assertThat(paths.has("/api/v1/tenant/config/deactivate")).isTrue();
        assertThat(paths.has("/api/v1/tenant/admin/configs")).isTrue();
        assertThat(paths.has("/api/v1/tenant/admin/configs/stats")).isTrue();
        assertThat(paths.has("/api/v1/tenant/admin/configs/{tenantId}")).isTrue();
        assertThat(paths.has("/api/v1/tenant/admin/audit")).isTrue();
        assertThat(paths.at("/~1api~1v1~1tenant~1config/put/security/0").has("bearer-jwt")).isTrue();
        assertThat(docs.at("/components/schemas/TenantConfigRequest/properties").has("access_token")).isTrue();
    }

    @Test
    void swaggerUiOpensWithoutAToken() {
        HttpResponse<String> response = new ServerClient(port).get("/api/docs/swagger-ui/index.html", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("<div id=\"swagger-ui\">");
    }

    @Test
    void swaggerUiIsReachedFromItsConfiguredPath() {
        HttpResponse<String> response = new ServerClient(port).get("/api/docs/swagger-ui.html", null);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/docs/swagger-ui/index.html"));
    }
}
