package io.tenantconfig.server;

import java.net.http.HttpResponse;

import io.tenantconfig.server.support.ServerClient;
import io.tenantconfig.server.support.TenantConfigServerTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/health} shows what an operator can act on: the database and the server itself, not the
 * indicators of the config client and service discovery that this server never uses (they reported UNKNOWN).
 */
@TenantConfigServerTest
class HealthEndpointTest {

    @LocalServerPort
    int port;

    @Test
    void healthListsTheDatabaseButNoConfigClientOrDiscoveryIndicator() {
        HttpResponse<String> response = new ServerClient(port).get("/actuator/health", null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"db\":{\"status\":\"UP\"}")
            .doesNotContain("clientConfigServer")
            .doesNotContain("discoveryComposite")
            .doesNotContain("UNKNOWN");
    }
}
