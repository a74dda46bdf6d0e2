package io.tenantconfig.server.audit;

import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the audit trail of configuration changes: who did what to which tenant and which fields changed. Only
 * field names are recorded, never values, so secrets cannot leak through the audit log. Callers write inside
 * their own transaction, so a change and its audit entry commit or roll back together.
 */
@Component
public class ConfigAuditLog {

    private final JdbcClient jdbc;

    public ConfigAuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(AuditEntry entry) {
        jdbc.sql("""
                INSERT INTO config_audit (tenant_id, actor, action, changed_fields, detail)
                VALUES (:tenant, :actor, :action, :fields, :detail)""")
                .param("tenant", entry.tenantId())
                .param("actor", entry.actor())
                .param("action", entry.action().name().toLowerCase())
                .param("fields", entry.changedFields().toArray(String[]::new))
                .param("detail", entry.detail())
                .update();
    }

    /** One audit record; {@code detail} is free text for humans and must never hold a secret value. */
    public record AuditEntry(String tenantId, String actor, AuditAction action, Collection<String> changedFields,
            String detail) {

        public static AuditEntry of(String tenantId, String actor, AuditAction action,
                Collection<String> changedFields) {
            return new AuditEntry(tenantId, actor, action, changedFields, null);
        }
    }
}
