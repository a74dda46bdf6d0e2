package io.tenantconfig.server.tenant;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code config_audit} for admins, newest first; writing belongs to {@code ConfigAuditLog} alone. */
@Repository
class AuditTrailReader {

    private final JdbcClient jdbc;

    AuditTrailReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code tenantId} null means every tenant. */
    PageOf<AuditRecord> page(String tenantId, PageRequest request) {
        String where = tenantId == null ? "" : " WHERE tenant_id = :tenant";
        JdbcClient.StatementSpec rows = jdbc.sql("""
                SELECT id, tenant_id, actor, action, changed_fields, detail, created_at FROM config_audit"""
                + where + " ORDER BY created_at DESC, id DESC OFFSET :offset LIMIT :limit")
            .param("offset", request.offset())
            .param("limit", request.size());
        JdbcClient.StatementSpec count = jdbc.sql("SELECT count(*) FROM config_audit" + where);
        if (tenantId != null) {
            rows = rows.param("tenant", tenantId);
            count = count.param("tenant", tenantId);
        }
        List<AuditRecord> content = rows.query(AuditTrailReader::record).list();
        return PageOf.of(content, request, count.query(Long.class).single());
    }

    private static AuditRecord record(ResultSet rs, int rowNum) throws SQLException {
        Array fields = rs.getArray("changed_fields");
        List<String> names = fields == null ? List.of() : List.of((String[]) fields.getArray());
        return new AuditRecord(rs.getLong("id"), rs.getString("tenant_id"), rs.getString("actor"),
                rs.getString("action"), names, rs.getString("detail"), rs.getObject("created_at", OffsetDateTime.class));
    }
}
