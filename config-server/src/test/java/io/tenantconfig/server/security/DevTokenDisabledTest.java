package io.tenantconfig.server.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.tenantconfig.server.support.TenantConfigServerTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.tenantconfig.server.support.ServerClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** A server with its own database (the shared test context) issues no development tokens. */
@TenantConfigServerTest
class DevTokenDisabledTest {

    @LocalServerPort
    int port;

    @Test
    void devTokenIsNotFoundOutsideEmbeddedMode() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/dev/token?tenant=acme"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("\"token\"");
        assertThat(json(response).get("detail").asString()).contains("disabled");
    }
}
