package io.tenantconfig.server.bench;

import java.net.http.HttpResponse;

import io.tenantconfig.server.support.ServerClient;
import io.tenantconfig.server.support.TenantConfigServerTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static io.tenantconfig.server.support.ServerClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the server as deployed (shared test context, ceiling switched off): the ceiling path is not served, and it
 * lies under the same service authentication as the config paths, so when the benchmark switches it on the
 * ceiling pays the same security cost as {@code /{tenant}/default}.
 */
@TenantConfigServerTest
class CeilingEndpointSecurityTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void ceilingIsNotServedByDefault() {
        assertThat(context.getBeansOfType(CeilingController.class)).isEmpty();

        HttpResponse<String> response = new ServerClient(port).get("/bench/ceiling", basic());

        assertThat(response.body()).doesNotContain("bench.property-");
    }

    @Test
    void ceilingPathNeedsServiceCredentialsLikeConfigPaths() {
        ServerClient client = new ServerClient(port);

        assertThat(client.get("/bench/ceiling", null).statusCode()).isEqualTo(401);
        assertThat(client.get("/some-tenant/default", null).statusCode()).isEqualTo(401);
        assertThat(client.get("/bench/ceiling", basic("config", "wrong-password")).statusCode()).isEqualTo(401);
    }
}
