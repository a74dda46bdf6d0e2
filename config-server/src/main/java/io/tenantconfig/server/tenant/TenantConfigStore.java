package io.tenantconfig.server.tenant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code tenant_configs} through plain SQL. Every write is one statement that also bumps {@code version}, so two
 * writers can never interleave inside a row update; {@code RETURNING} hands back the row as committed.
 * Values given here are as stored: secrets already encrypted by the caller.
 */
@Repository
class TenantConfigStore {

    private static final String COLUMNS = """
            id, tenant_id, user_id, waba_id, phone_number_id, access_token, fb_app_id, fb_app_secret,
            refresh_token, verify_token, callback_url, redirect_url, is_active, onboarding_completed,
            onboarded_at, token_expires_at, token_status, last_verified_at, created_at, updated_at, version""";

    private static final RowMapper<TenantConfigRow> ROW = TenantConfigStore::row;

    private final JdbcClient jdbc;

    TenantConfigStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<TenantConfigRow> find(String tenantId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tenant_configs WHERE tenant_id = :tenant")
            .param("tenant", tenantId)
            .query(ROW)
            .optional();
    }

    /** Empty when the tenant already has a row (the unique key decides, so two racing creates cannot both win). */
    Optional<TenantConfigRow> insert(String tenantId, String userId, Map<TenantConfigField, Object> values) {
        String columns = values.keySet().stream().map(field -> ", " + field.column()).collect(Collectors.joining());
        String params = values.keySet().stream().map(field -> ", :" + field.column()).collect(Collectors.joining());
        JdbcClient.StatementSpec statement = jdbc.sql("INSERT INTO tenant_configs (tenant_id, user_id" + columns
                + ") VALUES (:tenant, :user" + params + ") ON CONFLICT (tenant_id) DO NOTHING RETURNING " + COLUMNS)
            .param("tenant", tenantId)
            .param("user", userId);
        for (Map.Entry<TenantConfigField, Object> value : values.entrySet()) {
            statement = statement.param(value.getKey().column(), value.getValue());
        }
        return statement.query(ROW).optional();
    }

    /**
     * Sets the given columns and {@code version = version + 1} in one statement. With an expected version the
     * row changes only if it still has that version. Empty when no row matched.
     */
    Optional<TenantConfigRow> update(String tenantId, Map<TenantConfigField, Object> values, Long expectedVersion) {
        String assignments = values.keySet()
            .stream()
            .map(field -> field.column() + " = :" + field.column() + ", ")
            .collect(Collectors.joining());
        JdbcClient.StatementSpec statement = jdbc.sql("UPDATE tenant_configs SET " + assignments
                + "version = version + 1, updated_at = now() WHERE tenant_id = :tenant"
                + (expectedVersion == null ? "" : " AND version = :expected") + " RETURNING " + COLUMNS)
            .param("tenant", tenantId);
        if (expectedVersion != null) {
            statement = statement.param("expected", expectedVersion);
        }
        for (Map.Entry<TenantConfigField, Object> value : values.entrySet()) {
            statement = statement.param(value.getKey().column(), value.getValue());
        }
        return statement.query(ROW).optional();
    }

    /** Deletes the row, with an expected version only if it still has that version; false when none matched. */
    boolean delete(String tenantId, Long expectedVersion) {
        JdbcClient.StatementSpec statement = jdbc.sql("DELETE FROM tenant_configs WHERE tenant_id = :tenant"
                + (expectedVersion == null ? "" : " AND version = :expected"))
            .param("tenant", tenantId);
        if (expectedVersion != null) {
            statement = statement.param("expected", expectedVersion);
        }
        return statement.update() > 0;
    }

    List<TenantConfigRow> page(int offset, int limit, boolean ascending) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tenant_configs ORDER BY tenant_id " + (ascending ? "ASC" : "DESC")
                + " OFFSET :offset LIMIT :limit")
            .param("offset", offset)
            .param("limit", limit)
            .query(ROW)
            .list();
    }

    TenantConfigStats stats() {
        return jdbc.sql("""
                SELECT count(*) AS total,
                       count(*) FILTER (WHERE is_active) AS active,
                       count(*) FILTER (WHERE NOT is_active) AS inactive,
                       count(*) FILTER (WHERE onboarding_completed) AS onboarded,
                       count(*) FILTER (WHERE NOT onboarding_completed) AS pending
                FROM tenant_configs""")
            .query((rs, n) -> new TenantConfigStats(rs.getLong("total"), rs.getLong("active"),
                    rs.getLong("inactive"), rs.getLong("onboarded"), rs.getLong("pending")))
            .single();
    }

    private static TenantConfigRow row(ResultSet rs, int rowNum) throws SQLException {
        return new TenantConfigRow(rs.getLong("id"), rs.getString("tenant_id"), rs.getString("user_id"),
                rs.getString("waba_id"), rs.getString("phone_number_id"), rs.getString("access_token"),
                rs.getString("fb_app_id"), rs.getString("fb_app_secret"), rs.getString("refresh_token"),
                rs.getString("verify_token"), rs.getString("callback_url"), rs.getString("redirect_url"),
                rs.getBoolean("is_active"), rs.getBoolean("onboarding_completed"), time(rs, "onboarded_at"),
                time(rs, "token_expires_at"), rs.getString("token_status"), time(rs, "last_verified_at"),
                time(rs, "created_at"), time(rs, "updated_at"), rs.getLong("version"));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }
}
