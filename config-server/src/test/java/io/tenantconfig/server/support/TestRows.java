package io.tenantconfig.server.support;

import org.springframework.jdbc.core.JdbcTemplate;

/** Writes test rows with plain SQL, as an operator with psql would. */
public final class TestRows {

    private final JdbcTemplate jdbc = new JdbcTemplate(TestDatabase.dataSource());

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public void tenant(String tenantId, boolean active, String phoneNumberId, String wabaId, String accessToken) {
        jdbc.update("""
                INSERT INTO tenant_configs (tenant_id, is_active, phone_number_id, waba_id, access_token)
                VALUES (?, ?, ?, ?, ?)""", tenantId, active, phoneNumberId, wabaId, accessToken);
    }

    public void property(String application, String profile, String key, String value) {
        property(application, profile, "main", key, value);
    }

    public void property(String application, String profile, String label, String key, String value) {
        jdbc.update("""
                INSERT INTO config_properties (application, profile, label, key, value) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (application, profile, label, key) DO UPDATE SET value = EXCLUDED.value""",
                application, profile, label, key, value);
    }

    /** Shared defaults every test may rely on; re-written, so a test that changed them cannot leak. */
    public void standardSharedDefaults() {
        jdbc.update("DELETE FROM config_properties WHERE application = 'application'");
        property("application", "default", "whatsapp.api-version", "v20.0");
        property("application", "default", "whatsapp.graph-url", "https://graph.facebook.com");
        property("application", "default", "messaging.rate-limit", "80");
        property("application", "prod", "messaging.rate-limit", "200");
    }
}
