package io.tenantconfig.server.environment;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.tenantconfig.server.support.ServerClient;
import io.tenantconfig.server.support.TenantConfigServerTest;
import io.tenantconfig.server.support.TestKeys;
import io.tenantconfig.server.support.TestRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.config.environment.Environment;
import org.springframework.cloud.config.server.environment.EnvironmentController;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import static io.tenantconfig.server.support.ServerClient.basic;
import static io.tenantconfig.server.support.ServerClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON answers replayed from {@link CachedEnvironmentJsonConverter}: the same bytes the application's JSON mapper
 * writes for what Spring Cloud Config's controller answers, written afresh when the environment cache loads a tenant
 * again, and never a way around the per-request credential and tenant checks.
 */
@TenantConfigServerTest
class CachedEnvironmentJsonTest {

    @LocalServerPort
    int port;

    @Autowired
    TenantEnvironmentCache cache;

    @Autowired
    JsonMapper jsonMapper;

    @Autowired
    EnvironmentController controller;

    @Autowired
    RequestMappingHandlerAdapter handlerAdapter;

    final TestRows rows = new TestRows();

    ServerClient client;

    @BeforeEach
    void tenant() {
        client = new ServerClient(port);
        rows.standardSharedDefaults();
        rows.jdbc().update("DELETE FROM config_properties WHERE application = 'bytes-acme'");
        rows.jdbc().update("DELETE FROM tenant_configs WHERE tenant_id = 'bytes-acme'");
        rows.tenant("bytes-acme", true, "acme-phone", "acme-waba", null);
        rows.property("bytes-acme", "default", "greeting", "hello \"quoted\" ünïcode");
        cache.evictAll();
    }

    @AfterEach
    void clearSecurityContext() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void replayedAnswerIsTheMappersBytesForTheCachedEnvironment() {
        HttpResponse<String> first = client.get("/bytes-acme/default", basic());
        HttpResponse<String> replayed = client.get("/bytes-acme/default", basic());

        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(replayed.body()).isEqualTo(first.body()).isEqualTo(controllerJson()).contains("acme-phone");
        assertThat(replayed.headers().firstValue("Content-Type"))
            .isEqualTo(first.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(converter().holdsBytesFor(controllerEnvironment(), MediaType.APPLICATION_JSON)).isTrue();
    }

    @Test
    void evictedTenantIsWrittenAfreshNotReplayed() {
        client.get("/bytes-acme/default", basic());
        rows.property("bytes-acme", "default", "greeting", "changed");
        cache.evict("bytes-acme");

        HttpResponse<String> response = client.get("/bytes-acme/default", basic());

        assertThat(response.body()).contains("\"greeting\":\"changed\"").isEqualTo(controllerJson());
    }

    @Test
    void credentialsAndTenantAreCheckedOnEveryReplayedRequest() {
        assertThat(client.get("/bytes-acme/default", basic()).statusCode()).isEqualTo(200);

        HttpResponse<String> anonymous = client.get("/bytes-acme/default", null);
        HttpResponse<String> neighbour = client.get("/bytes-acme/default",
                bearer(TestKeys.jwt(Map.of("tenant_id", "bytes-other", "scope", "config:read"))));

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("acme-phone");
        assertThat(neighbour.statusCode()).isEqualTo(403);
        assertThat(neighbour.body()).doesNotContain("acme-phone");
    }

    @Test
    void otherVariantsStillRenderTheirOwnFormatsAfterJsonWasCached() {
        client.get("/bytes-acme/default", basic());

        HttpResponse<String> yaml = client.get("/bytes-acme-default.yml", basic());
        HttpResponse<String> properties = client.get("/bytes-acme-default.properties", basic());
        HttpResponse<String> flatJson = client.get("/bytes-acme-default.json", basic());

        assertThat(yaml.body()).contains("phone-number-id: acme-phone").doesNotContain("propertySources");
        assertThat(properties.body()).contains("whatsapp.phone-number-id: acme-phone");
        assertThat(flatJson.body()).contains("\"phone-number-id\":\"acme-phone\"").doesNotContain("propertySources");
    }

    /** What Spring Cloud Config's controller answers, written by the application's JSON mapper. */
    private String controllerJson() {
        return jsonMapper.writeValueAsString(controllerEnvironment());
    }

    private Environment controllerEnvironment() {
        authenticate();
        return controller.defaultLabel("bytes-acme", "default");
    }

    /** The repository chain refuses reads without service credentials. */
    private static void authenticate() {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(TestKeys.SERVICE_USER, null, List.of()));
    }

    private CachedEnvironmentJsonConverter converter() {
        return handlerAdapter.getMessageConverters().stream()
            .filter(CachedEnvironmentJsonConverter.class::isInstance)
            .map(CachedEnvironmentJsonConverter.class::cast)
            .findFirst()
            .orElseThrow();
    }
}
