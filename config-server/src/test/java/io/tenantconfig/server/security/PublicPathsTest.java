package io.tenantconfig.server.security;

import java.net.http.HttpResponse;
import java.util.List;

import io.tenantconfig.server.support.ServerClient;
import io.tenantconfig.server.support.TenantConfigServerTest;
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
}
