package io.tenantconfig.server.security;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.tenantconfig.server.support.ServerClient;
import io.tenantconfig.server.support.TenantConfigServerTest;
import io.tenantconfig.server.support.TestKeys;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paths that look like static files or tools but also match {@code /{application}/{profiles}}: without
 * credentials none of them may answer with configuration (the shared defaults and the server's own fallback
 * credentials, {@code env-access-token} in the test context).
 */
@TenantConfigServerTest
class PublicPathsTest {

    static final List<String> CONFIG_LOOKALIKES = List.of("/css/default", "/js/default", "/assets/default",
            "/webjars/default", "/swagger-ui/default", "/swagger-ui/index.html", "/dev/token", "/ui/default",
            "/v3/default", "/actuator/default", "/index.html/default", "/api/default");

    @LocalServerPort
    int port;

    @ParameterizedTest
    @FieldSource("CONFIG_LOOKALIKES")
    void configLookalikePathsServeNothingWithoutCredentials(String path) {
        HttpResponse<String> response = new ServerClient(port).get(path, null);

        assertThat(response.statusCode()).isIn(401, 404);
        assertThat(response.body()).doesNotContain("env-access-token").doesNotContain("propertySources");
    }

    @ParameterizedTest
    @FieldSource("API_LOOKALIKES")
    void configUnderApiNeedsTheConfigReadScope(String path) {
        ServerClient client = new ServerClient(port);
        for (Map<String, Object> claims : List.of(Map.<String, Object>of("sub", "someone"),
                Map.<String, Object>of("sub", "someone", "tenant_id", "api"))) {
            HttpResponse<String> response = client.get(path, ServerClient.bearer(TestKeys.jwt(claims)));

            assertThat(response.statusCode()).as(path + " " + claims).isEqualTo(403);
            assertThat(response.body()).doesNotContain("env-access-token").doesNotContain("propertySources");
        }
    }

    static final List<String> API_LOOKALIKES = List.of("/api/default", "/api/default/main", "/api-default.yml");
}
