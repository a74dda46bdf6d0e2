package io.tenantconfig.server.onboarding;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import io.tenantconfig.server.support.TestRows;

/** Reads what onboarding left in the database, as an operator with psql would see it. */
final class StoredRows {

    private final JdbcTemplate jdbc = new TestRows().jdbc();

    JdbcTemplate jdbc() {
        return jdbc;
    }

    /** The tenant's raw {@code tenant_configs} row. */
    Map<String, Object> tenant(String tenantId) {
        return jdbc.queryForMap("SELECT * FROM tenant_configs WHERE tenant_id = ?", tenantId);
    }

    boolean tenantExists(String tenantId) {
        return jdbc.queryForObject("SELECT count(*) FROM tenant_configs WHERE tenant_id = ?", Long.class,
                tenantId) > 0;
    }

    /** The whole row as PostgreSQL prints it: equal text means an unchanged row, byte for byte. */
    String tenantRowText(String tenantId) {
        return jdbc.queryForObject("SELECT t::text FROM tenant_configs t WHERE tenant_id = ?", String.class,
                tenantId);
    }

    /** The tenant's audit entries, oldest first. */
    List<Map<String, Object>> audit(String tenantId) {
        return jdbc.queryForList("""
                SELECT actor, action, array_to_string(changed_fields, ',') AS fields, detail
                FROM config_audit WHERE tenant_id = ? ORDER BY id""", tenantId);
    }

    /** The stored state row for a state value, found by its SHA-256 hash as the server stores it. */
    List<Map<String, Object>> stateByValue(String state) {
        return jdbc.queryForList("SELECT * FROM oauth_states WHERE state_hash = encode(sha256(convert_to(?, "
                + "'UTF8')), 'hex')", state);
    }
}
