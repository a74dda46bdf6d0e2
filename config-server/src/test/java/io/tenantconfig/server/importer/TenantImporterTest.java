package io.tenantconfig.server.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.tenantconfig.server.environment.TenantEnvironmentCache;
import io.tenantconfig.server.importer.TenantImporter.ImportResult;
import io.tenantconfig.server.support.ServerClient;
import io.tenantconfig.server.support.TenantConfigServerTest;
import io.tenantconfig.server.support.TestRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.tenantconfig.server.support.ServerClient.basic;
import static io.tenantconfig.server.support.ServerClient.effective;
import static io.tenantconfig.server.support.ServerClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped example file imported into the shared PostgreSQL, then read back over the config protocol. */
@TenantConfigServerTest
class TenantImporterTest {

    private static final Path EXAMPLE = Path.of("..", "docs", "examples", "tenants.json");

    private static final List<String> EXAMPLE_TENANTS = List.of("acme", "globex");

    @LocalServerPort
    int port;

    @Autowired
    TenantImporter importer;

    @Autowired
    TenantEnvironmentCache cache;

    final TestRows rows = new TestRows();

    @BeforeEach
    @AfterEach
    void removeExampleRows() {
        for (String tenant : EXAMPLE_TENANTS) {
            rows.jdbc().update("DELETE FROM tenant_configs WHERE tenant_id = ?", tenant);
            rows.jdbc().update("DELETE FROM config_properties WHERE application = ?", tenant);
        }
        rows.standardSharedDefaults();
        cache.evictAll();
    }

    private static TenantImportFile example() throws IOException {
        try (InputStream in = Files.newInputStream(EXAMPLE)) {
            return TenantImportFile.parse(in, "tenants.json");
        }
    }

    private JsonNode environment(String path) {
        cache.evictAll();
        var response = new ServerClient(port).get(path, basic());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    @Test
    void exampleServesAcmeOverSharedDefaultsAndGlobexDefaultsOnly() throws IOException {
        ImportResult result = importer.importFile(example(), "tenants.json");

        assertThat(result.tenantsCreated()).isEqualTo(2);
        assertThat(result.tenantsUpdated()).isZero();
        assertThat(result.propertiesCreated() + result.propertiesUpdated()).isEqualTo(5);
        JsonNode acme = environment("/acme/default");
        assertThat(effective(acme, "whatsapp.phone-number-id")).isEqualTo("106540352242922");
        assertThat(effective(acme, "whatsapp.access-token")).isEqualTo("EAAGacmeExampleAccessToken0000000000000000000000");
        assertThat(effective(acme, "whatsapp.token-expires-at")).isEqualTo("2027-03-01T00:00:00Z");
        assertThat(effective(acme, "tenant.onboarding-completed")).isEqualTo("true");
        assertThat(effective(acme, "crm.api-key")).isEqualTo("acme-example-crm-key-0000");
        assertThat(effective(acme, "messaging.default-template")).isEqualTo("acme_welcome");
        assertThat(effective(acme, "whatsapp.api-version")).isEqualTo("v21.0");
        assertThat(effective(acme, "messaging.rate-limit")).isEqualTo("80");
        assertThat(effective(environment("/acme/prod"), "messaging.rate-limit")).isEqualTo("200");

        JsonNode globex = environment("/globex/default");
        assertThat(effective(globex, "tenant.config-source")).isEqualTo("defaults");
        assertThat(effective(globex, "whatsapp.phone-number-id")).isEqualTo("env-phone-number-id");
    }

    @Test
    void secretsAreStoredEncryptedAndTheAuditTrailHoldsNoValues() throws IOException {
        importer.importFile(example(), "tenants.json");

        Map<String, Object> acme = rows.jdbc().queryForMap(
                "SELECT access_token, fb_app_secret, verify_token, is_active FROM tenant_configs WHERE tenant_id = 'acme'");
        assertThat(acme.get("access_token")).asString().startsWith("enc:v1:").doesNotContain("EAAGacme");
        assertThat(acme.get("fb_app_secret")).asString().startsWith("enc:v1:");
        assertThat(acme.get("verify_token")).asString().startsWith("enc:v1:");
        assertThat(rows.jdbc().queryForObject("SELECT is_active FROM tenant_configs WHERE tenant_id = 'globex'",
                Boolean.class)).isFalse();
        Map<String, Object> crmKey = rows.jdbc().queryForMap(
                "SELECT value, secret FROM config_properties WHERE application = 'acme' AND key = 'crm.api-key'");
        assertThat(crmKey.get("value")).asString().startsWith("enc:v1:").doesNotContain("acme-example-crm-key");
        assertThat(crmKey.get("secret")).isEqualTo(true);
        List<String> audit = rows.jdbc().queryForList("""
                SELECT actor || ' ' || action || ' ' || array_to_string(changed_fields, ',') || ' ' || coalesce(detail, '')
                FROM config_audit WHERE tenant_id = 'acme' AND actor = 'import'""", String.class);
        assertThat(audit).anySatisfy(line -> assertThat(line).contains("create", "access_token"));
        assertThat(String.join("\n", audit)).doesNotContain("EAAGacme", "acme-example");
    }

    @Test
    void importingTwiceLeavesTheSameConfiguration() throws IOException {
        importer.importFile(example(), "tenants.json");
        JsonNode first = environment("/acme/prod");
        long tenantRows = rows.jdbc().queryForObject("SELECT count(*) FROM tenant_configs", Long.class);
        long propertyRows = rows.jdbc().queryForObject("SELECT count(*) FROM config_properties", Long.class);

        ImportResult second = importer.importFile(example(), "tenants.json");

        assertThat(second).isEqualTo(new ImportResult(0, 2, 0, 5));
        assertThat(rows.jdbc().queryForObject("SELECT count(*) FROM tenant_configs", Long.class)).isEqualTo(tenantRows);
        assertThat(rows.jdbc().queryForObject("SELECT count(*) FROM config_properties", Long.class))
            .isEqualTo(propertyRows);
        assertThat(environment("/acme/prod").get("propertySources")).isEqualTo(first.get("propertySources"));
    }

    @Test
    void aFileWithOneBadEntryImportsNothing() {
        TenantImportFile file = new TenantImportFile(List.of(
                new TenantImportFile.Tenant("import-ok", null, true, null, "123", null, null, null, null, null, null,
                        null, null, null, null),
                new TenantImportFile.Tenant("../etc", null, true, null, null, null, null, null, null, null, null,
                        null, null, null, null)),
                List.of(new TenantImportFile.Property("import-ok", null, null, "feature.x", "on", false)));

        assertThatThrownBy(() -> importer.importFile(file, "bad.json")).isInstanceOf(TenantImportException.class)
            .hasMessageContaining("tenants[1]")
            .hasMessageContaining("nothing imported");
        assertThat(rows.jdbc().queryForObject("SELECT count(*) FROM tenant_configs WHERE tenant_id = 'import-ok'",
                Long.class)).isZero();
        assertThat(rows.jdbc().queryForObject(
                "SELECT count(*) FROM config_properties WHERE application = 'import-ok'", Long.class)).isZero();
    }
}
