package io.tenantconfig.server.environment;

import java.net.http.HttpResponse;

import io.tenantconfig.server.support.ServerClient;
import io.tenantconfig.server.support.TenantConfigServerTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.tenantconfig.server.support.ServerClient.basic;
import static io.tenantconfig.server.support.ServerClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /error} asked for directly names nothing: 404 problem detail, not 500, with or without credentials. */
@TenantConfigServerTest
class ErrorPathTest {

    @LocalServerPort
    int port;

    @Test
    void errorPathAskedForDirectlyIsNotFound() {
        String path = "/error";
        ServerClient client = new ServerClient(port);
        for (String authorization : new String[] { null, basic() }) {
            HttpResponse<String> response = client.get(path, authorization);

            assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json(response).get("status").asInt()).isEqualTo(404);
        }
    }
}
