package io.tenantconfig.server.environment;

import java.net.http.HttpResponse;
import java.util.List;

import io.tenantconfig.server.support.ServerClient;
import io.tenantconfig.server.support.TenantConfigServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.tenantconfig.server.support.ServerClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

/** Hostile names get a clear 4xx, never a 5xx, a stack trace or SQL text. */
@TenantConfigServerTest
class BadConfigRequestTest {

    static final List<String> BAD_PATHS = List.of("/../etc/default", "/..%2Fetc/default", "/%2e%2e/default",
            "/acme%2e%2e/default", "/ac%00me/default", "/" + "a".repeat(300) + "/default", "/t%C3%A9nant/default",
            "/acme/,,", "/acme/a%2Cb%2C%2C", "/acme/default/no-such-label", "/acme/default/..",
            "/acme-%2e%2e.yml", "/acme/" + "p".repeat(300));

    @LocalServerPort
    int port;

    ServerClient client;

    @BeforeEach
    void client() {
        client = new ServerClient(port);
    }

    @ParameterizedTest
    @FieldSource("BAD_PATHS")
    void badInputIsAClientErrorWithoutInternals(String path) {
        HttpResponse<String> response = client.get(path, basic());

        assertThat(response.statusCode()).as(path + " -> " + response.body()).isBetween(400, 499);
        assertThat(response.body()).doesNotContainIgnoringCase("exception")
            .doesNotContain("at io.", "at org.", "SELECT", "config_properties");
    }
}
