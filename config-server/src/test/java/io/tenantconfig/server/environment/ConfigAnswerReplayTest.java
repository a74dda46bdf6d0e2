package io.tenantconfig.server.environment;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.tenantconfig.server.support.ServerClient;
import io.tenantconfig.server.support.TenantConfigServerTest;
import io.tenantconfig.server.support.TestKeys;
import io.tenantconfig.server.support.TestRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.tenantconfig.server.support.ServerClient.basic;
import static io.tenantconfig.server.support.ServerClient.bearer;
import static io.tenantconfig.server.support.ServerClient.effective;
import static io.tenantconfig.server.support.ServerClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hot read path over HTTP against real PostgreSQL: a replayed answer is the one the controller wrote, it is
 * served without the backend, it is dropped when the tenant changes, and every access rule still holds on a replay.
 */
@TenantConfigServerTest
class ConfigAnswerReplayTest {

    @LocalServerPort
    int port;

    @Autowired
    TenantEnvironmentCache cache;

    @Autowired
    ConfigAnswerCache answers;

    final TestRows rows = new TestRows();

    ServerClient client;

    @BeforeEach
    void tenants() {
        client = new ServerClient(port);
        rows.jdbc().update("DELETE FROM tenant_configs WHERE tenant_id LIKE 'replay-%'");
        rows.jdbc().update("DELETE FROM config_properties WHERE application LIKE 'replay-%'");
        rows.standardSharedDefaults();
        rows.tenant("replay-acme", true, "acme-phone", "acme-waba", null);
        rows.tenant("replay-other", true, "other-phone", null, null);
        cache.evictAll();
    }

    @Test
    void secondRequestReplaysTheSameAnswerWithoutTheBackend() {
        HttpResponse<String> first = client.get("/replay-acme/default", basic());
        long hits = answers.cache().stats().hitCount();

        HttpResponse<String> second = client.get("/replay-acme/default", basic());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("Content-Type")).isEqualTo(first.headers().firstValue("Content-Type"));
        assertThat(second.headers().firstValue("Content-Length")).hasValue(
                String.valueOf(first.body().getBytes(StandardCharsets.UTF_8).length));
        assertThat(answers.cache().stats().hitCount()).isEqualTo(hits + 1);
        assertThat(effective(json(second), "whatsapp.phone-number-id")).isEqualTo("acme-phone");
    }

    @Test
    void aChangeOfTheTenantIsServedOnTheNextRequest() {
        client.get("/replay-acme/default", basic());
        client.get("/replay-acme/default", basic());

        rows.jdbc().update("UPDATE tenant_configs SET phone_number_id = 'acme-new-phone' WHERE tenant_id = ?",
                "replay-acme");
        cache.evict("replay-acme");

        assertThat(effective(json(client.get("/replay-acme/default", basic())), "whatsapp.phone-number-id"))
            .isEqualTo("acme-new-phone");
    }

    @Test
    void aChangeOfTheSharedDefaultsIsServedToEveryTenant() {
        client.get("/replay-acme/default", basic());
        client.get("/replay-other/default", basic());

        rows.property("application", "default", "replay.shared-flag", "on");
        cache.evict(ConfigRequest.SHARED_APPLICATION);

        assertThat(effective(json(client.get("/replay-acme/default", basic())), "replay.shared-flag")).isEqualTo("on");
        assertThat(effective(json(client.get("/replay-other/default", basic())), "replay.shared-flag"))
            .isEqualTo("on");
        rows.jdbc().update("DELETE FROM config_properties WHERE key = 'replay.shared-flag'");
        cache.evictAll();
    }

    @Test
    void aKeptAnswerIsNotReplayedWithoutCredentials() {
        client.get("/replay-acme/default", basic());

        HttpResponse<String> response = client.get("/replay-acme/default", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("acme-phone");
    }

    /** Another tenant's token, and the tenant's own token without {@code config:read}. */
    @ParameterizedTest
    @CsvSource({ "replay-other, config:read", "replay-acme, profile" })
    void aKeptAnswerIsNotReplayedToATokenThatMayNotReadIt(String tenant, String scope) {
        client.get("/replay-acme/default", basic());
        client.get("/replay-acme/default", basic());
        assertThat(answers.find("replay-acme", "/replay-acme/default")).isNotNull();

        HttpResponse<String> response = client.get("/replay-acme/default",
                bearer(TestKeys.jwt(Map.of("tenant_id", tenant, "scope", scope))));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("acme-phone");
    }

    @Test
    void theTenantsOwnTokenGetsTheKeptAnswer() {
        String written = client.get("/replay-acme/default", basic()).body();

        HttpResponse<String> response = client.get("/replay-acme/default",
                bearer(TestKeys.jwt(Map.of("tenant_id", "replay-acme", "scope", "config:read"))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(written);
    }

    @Test
    void eachAcceptHeaderKeepsItsOwnAnswer() {
        HttpResponse<String> plain = send("/replay-acme/default", "application/json");
        HttpResponse<String> v2 = send("/replay-acme/default", "application/vnd.spring-cloud.config-server.v2+json");
        HttpResponse<String> v2Again = send("/replay-acme/default",
                "application/vnd.spring-cloud.config-server.v2+json");

        assertThat(plain.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(v2.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/vnd.spring-cloud.config-server.v2+json"));
        assertThat(v2Again.headers().firstValue("Content-Type")).isEqualTo(v2.headers().firstValue("Content-Type"));
        assertThat(v2Again.body()).isEqualTo(v2.body());
    }

    @Test
    void onlyTheControllersJsonAnswersAreKept() {
        client.get("/replay-acme-default.yml", basic());
        client.get("/actuator/health", null);
        client.get("/replay-nope/default/no-such-label", basic());
        client.get("/replay-acme/default", null);

        assertThat(answers.find("replay-acme-default.yml", "/replay-acme-default.yml")).isNull();
        assertThat(answers.find("actuator", "/actuator/health")).isNull();
        assertThat(answers.find("replay-nope", "/replay-nope/default/no-such-label")).isNull();
        assertThat(answers.find("replay-acme", "/replay-acme/default")).isNull();

        client.get("/replay-acme/default", basic());
        assertThat(answers.find("replay-acme", "/replay-acme/default")).isNotNull();
    }

    @Test
    void aKeptAnswerIsTheOneWrittenByteForByte() {
        HttpResponse<String> written = client.get("/replay-other/default", basic());

        ConfigAnswerCache.Answer kept = answers.find("replay-other", "/replay-other/default");

        assertThat(kept).isNotNull();
        assertThat(new String(kept.body(), StandardCharsets.UTF_8)).isEqualTo(written.body());
    }

    private HttpResponse<String> send(String path, String accept) {
        HttpResponse<String> response = client.send("GET", path,
                Map.of("Authorization", basic(), "Accept", accept), HttpRequest.BodyPublishers.noBody());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }
}
