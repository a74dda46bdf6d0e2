package io.tenantconfig.server.importer;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checking an import file: every bad entry is named, and no value (it may be a secret) is repeated. */
class TenantImportFileTest {

    private static TenantImportFile parse(String json) {
        return TenantImportFile.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.json");
    }

    @Test
    void listsEveryBrokenRuleByEntry() {
        TenantImportFile file = parse("""
                {"tenants": [
                  {"tenant_id": "fine", "access_token": "TOKEN-SECRET-1"},
                  {"tenant_id": "bad id!", "waba_id": "not-a-number"},
                  {"tenant_id": "fine", "callback_url": "http://hooks.example/x", "token_expires_at": "tomorrow"},
                  {"tenant_id": "application"},
                  {"access_token": "   "}
                 ],
                 "properties": [
                  {"application": "application", "key": "a.b", "value": "1"},
                  {"application": "application", "key": "a.b", "value": "2"},
                  {"application": "x", "profile": "dev,prod", "key": "k", "value": "v"},
                  {"application": "x", "key": "has space"},
                  {"key": "k", "value": "v"}
                 ]}""");

        assertThat(file.problems()).containsExactly(
                "tenants[1] (tenant_id \"bad id!\"): tenant_id must be 1-64 letters, digits, '-', '_' or '.' (no '..'), and not 'application'.",
                "tenants[1] (tenant_id \"bad id!\"): waba_id must be Meta's numeric id (1-32 digits).",
                "tenants[2] (tenant_id \"fine\"): callback_url must be an https URL (http only for localhost).",
                "tenants[2] (tenant_id \"fine\"): token_expires_at must be an ISO-8601 timestamp with offset, e.g. 2027-01-31T00:00:00Z.",
                "tenants[2] (tenant_id \"fine\"): this tenant_id appears more than once.",
                "tenants[3] (tenant_id \"application\"): tenant_id must be 1-64 letters, digits, '-', '_' or '.' (no '..'), and not 'application'.",
                "tenants[4]: tenant_id is required.",
                "tenants[4]: access_token must be 1-4096 characters and not blank.",
                "properties[1] (key \"a.b\"): the same application, profile, label and key appear more than once.",
                "properties[2] (key \"k\"): profile must be one profile name: 1-64 letters, digits, '-', '_' or '.'.",
                "properties[3] (key \"has space\"): key must be 1-256 letters, digits, '.', '-', '_' or brackets.",
                "properties[3] (key \"has space\"): value is required.",
                "properties[4] (key \"k\"): application is required (a tenant id, or 'application' for every tenant).");
    }

    @Test
    void aValidFileHasNoProblems() {
        TenantImportFile file = parse("""
                {"tenants": [{"tenant_id": "acme", "phone_number_id": "123", "is_active": false,
                              "redirect_url": "http://localhost:3000/cb", "onboarded_at": "2026-12-01T09:30:00+01:00"}],
                 "properties": [{"application": "acme", "profile": "prod", "label": "v2", "key": "a", "value": "b",
                                 "secret": true}]}""");

        assertThat(file.problems()).isEmpty();
        assertThat(file.tenants().get(0).isActive()).isFalse();
        assertThat(file.properties().get(0).isSecret()).isTrue();
    }

    @Test
    void unknownFieldIsNamedWithItsPlace() {
        assertThatThrownBy(() -> parse("""
                {"tenants": [{"tenant_id": "acme"}, {"tenant_id": "b", "acess_token": "TOKEN-SECRET-2"}]}"""))
            .isInstanceOf(TenantImportException.class)
            .hasMessageContaining("tenants[1]")
            .hasMessageContaining("unknown field \"acess_token\"")
            .hasMessageNotContaining("TOKEN-SECRET-2");
    }

    @Test
    void wrongTypeAndBrokenJsonAreDescribedWithoutEchoingTheValue() {
        assertThatThrownBy(() -> parse("""
                {"tenants": [{"tenant_id": "acme", "is_active": "TOKEN-SECRET-3"}]}"""))
            .hasMessageContaining("tenants[0].is_active")
            .hasMessageContaining("expected true or false")
            .hasMessageNotContaining("TOKEN-SECRET-3");
        assertThatThrownBy(() -> parse("{\"tenants\": [{\"tenant_id\": acme-TOKEN-SECRET-4}]}"))
            .hasMessageContaining("malformed JSON")
            .hasMessageContaining("line 1")
            .hasMessageNotContaining("TOKEN-SECRET-4");
    }
}
