package io.tenantconfig.server.environment;

import java.net.http.HttpResponse;

import io.tenantconfig.server.crypto.SecretCipher;
import io.tenantconfig.server.support.ServerClient;
import io.tenantconfig.server.support.TenantConfigServerTest;
import io.tenantconfig.server.support.TestRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.tenantconfig.server.support.ServerClient.basic;
import static io.tenantconfig.server.support.ServerClient.effective;
import static io.tenantconfig.server.support.ServerClient.json;
import static io.tenantconfig.server.support.ServerClient.sourceNames;
import static org.assertj.core.api.Assertions.assertThat;

/** The priority rule of DESIGN.md, one test per rule, over HTTP against real PostgreSQL. */
@TenantConfigServerTest
class TenantEnvironmentLayeringTest {

    @LocalServerPort
    int port;

    @Autowired
    TenantEnvironmentCache cache;

    @Autowired
    SecretCipher cipher;

    final TestRows rows = new TestRows();

    ServerClient client;

    @BeforeEach
    void sharedDefaults() {
        client = new ServerClient(port);
        rows.standardSharedDefaults();
        cache.evictAll();
    }

    private JsonNode environment(String path) {
        HttpResponse<String> response = client.get(path, basic());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    @Test
    void tenantValueBeatsSharedDefaultBeatsServerEnvironment() {
        rows.tenant("layer-acme", true, "acme-phone", "acme-waba", null);
        rows.property("layer-acme", "default", "whatsapp.api-version", "v22.0");
        rows.property("application", "default", "whatsapp.phone-number-id", "shared-phone");

        JsonNode env = environment("/layer-acme/default");

        assertThat(effective(env, "whatsapp.phone-number-id")).isEqualTo("acme-phone");
        assertThat(effective(env, "whatsapp.api-version")).isEqualTo("v22.0");
        assertThat(effective(env, "whatsapp.graph-url")).isEqualTo("https://graph.facebook.com");
        assertThat(effective(env, "whatsapp.access-token")).isEqualTo("env-access-token");
        assertThat(sourceNames(env)).containsExactly("tenant-meta", "layer-acme", "application", "environment");
        assertThat(effective(env, "tenant.config-source")).isEqualTo("database");
        assertThat(effective(env, "tenant.active")).isEqualTo("true");
    }

    @Test
    void sharedDefaultBeatsServerEnvironment() {
        JsonNode env = environment("/layer-nobody/default");

        // application.yml of the test says v21.0; the shared database default says v20.0
        assertThat(effective(env, "whatsapp.api-version")).isEqualTo("v20.0");
    }

    @Test
    void profileSpecificBeatsPlain() {
        rows.tenant("layer-profiles", true, "p-phone", null, null);
        rows.property("layer-profiles", "default", "feature.greeting", "hello");
        rows.property("layer-profiles", "prod", "feature.greeting", "hello from prod");

        JsonNode prod = environment("/layer-profiles/prod");
        JsonNode plain = environment("/layer-profiles/default");

        assertThat(effective(prod, "feature.greeting")).isEqualTo("hello from prod");
        assertThat(effective(plain, "feature.greeting")).isEqualTo("hello");
        assertThat(effective(prod, "messaging.rate-limit")).isEqualTo("200");
        assertThat(effective(plain, "messaging.rate-limit")).isEqualTo("80");
        assertThat(sourceNames(prod)).containsExactly("tenant-meta", "layer-profiles-prod", "layer-profiles",
                "application-prod", "application", "environment");
    }

    @Test
    void laterOfSeveralProfilesWins() {
        rows.tenant("layer-multi", true, "m-phone", null, null);
        rows.property("layer-multi", "eu", "region.endpoint", "eu");
        rows.property("layer-multi", "canary", "region.endpoint", "canary");

        assertThat(effective(environment("/layer-multi/eu,canary"), "region.endpoint")).isEqualTo("canary");
        assertThat(effective(environment("/layer-multi/canary,eu"), "region.endpoint")).isEqualTo("eu");
    }

    @Test
    void inactiveTenantGetsDefaultsOnly() {
        rows.tenant("layer-inactive", false, "inactive-phone", "inactive-waba", null);
        rows.property("layer-inactive", "default", "feature.greeting", "hidden");

        JsonNode env = environment("/layer-inactive/default");

        assertThat(effective(env, "whatsapp.phone-number-id")).isEqualTo("env-phone-number-id");
        assertThat(effective(env, "feature.greeting")).isNull();
        assertThat(effective(env, "tenant.config-source")).isEqualTo("defaults");
        assertThat(effective(env, "tenant.active")).isEqualTo("false");
        assertThat(sourceNames(env)).doesNotContain("layer-inactive");
    }

    @Test
    void unknownTenantGetsDefaultsOnly() {
        JsonNode env = environment("/layer-unknown/default");

        assertThat(effective(env, "tenant.config-source")).isEqualTo("defaults");
        assertThat(effective(env, "tenant.id")).isEqualTo("layer-unknown");
        assertThat(effective(env, "whatsapp.phone-number-id")).isEqualTo("env-phone-number-id");
        assertThat(sourceNames(env)).containsExactly("tenant-meta", "application", "environment");
    }

    @Test
    void wabaIdNeverFallsBackToTheServerEnvironment() {
        rows.tenant("layer-nowaba", true, "nw-phone", null, null);

        assertThat(effective(environment("/layer-nowaba/default"), "whatsapp.waba-id")).isNull();
        assertThat(effective(environment("/layer-unknown-waba/default"), "whatsapp.waba-id")).isNull();
    }

    @Test
    void propertiesYamlAndJsonVariantsGiveTheWinningValues() {
        rows.tenant("layer-variants", true, "v-phone", "v-waba", null);

        String properties = client.get("/layer-variants-default.properties", basic()).body();
        String yaml = client.get("/layer-variants-default.yml", basic()).body();
        String yml = client.get("/main/layer-variants-default.yaml", basic()).body();
        JsonNode json = json(client.get("/layer-variants-default.json", basic()));

        assertThat(properties).contains("whatsapp.phone-number-id: v-phone", "whatsapp.api-version: v20.0",
                "whatsapp.access-token: env-access-token").doesNotContain("env-phone-number-id");
        assertThat(yaml).contains("phone-number-id: v-phone", "api-version: v20.0", "access-token: env-access-token")
            .doesNotContain("env-phone-number-id");
        assertThat(yml).isEqualTo(yaml);
        assertThat(json.at("/whatsapp/phone-number-id").asString()).isEqualTo("v-phone");
        assertThat(json.at("/whatsapp/api-version").asString()).isEqualTo("v20.0");
        assertThat(json.at("/whatsapp/access-token").asString()).isEqualTo("env-access-token");
    }

    @Test
    void secretsAreStoredEncryptedAndServedDecrypted() {
        rows.tenant("layer-secret", true, "s-phone", null, cipher.encrypt("EAAG-acme-secret-token"));

        String stored = rows.jdbc().queryForObject(
                "SELECT access_token FROM tenant_configs WHERE tenant_id = 'layer-secret'", String.class);

        assertThat(stored).startsWith("enc:v1:" + cipher.currentKeyId() + ":").doesNotContain("acme-secret");
        assertThat(effective(environment("/layer-secret/default"), "whatsapp.access-token"))
            .isEqualTo("EAAG-acme-secret-token");
    }

    @Test
    void unreadableSecretIsAnErrorNamingTenantAndKeyNeverAFallback() {
        rows.tenant("layer-badkey", true, "b-phone", null, "enc:v1:retired1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        HttpResponse<String> response = client.get("/layer-badkey/default", basic());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("layer-badkey", "retired1")
            .doesNotContain("env-access-token", "AAAAAAAA");
    }

    @Test
    void unknownLabelIsNotFound() {
        HttpResponse<String> response = client.get("/layer-acme/default/no-such-label", basic());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("no-such-label");
    }

    @Test
    void existingLabelIsServed() {
        rows.tenant("layer-label", true, "l-phone", null, null);
        rows.property("layer-label", "default", "release-2", "feature.greeting", "from release-2");

        JsonNode env = environment("/layer-label/default/release-2");

        assertThat(effective(env, "feature.greeting")).isEqualTo("from release-2");
        assertThat(env.get("label").asString()).isEqualTo("release-2");
    }
}
