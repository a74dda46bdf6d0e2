package io.tenantconfig.server.onboarding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.tenantconfig.onboarding.state.OAuthStateRecord;
import io.tenantconfig.onboarding.state.OAuthStateStore;

/**
 * Issued OAuth states in {@code oauth_states}, keyed by the state's hash. Consuming is one conditional
 * {@code UPDATE … RETURNING}: PostgreSQL's row lock lets exactly one of two concurrent submits of the same state
 * see it unused. The update also requires the state's own tenant and user, so a foreign caller only reads it
 * (the select that follows a miss says why it was refused) and never uses it up.
 */
@Component
class JdbcOAuthStateStore implements OAuthStateStore {

    private static final String COLUMNS = "tenant_id, user_id, redirect_uri, created_at, expires_at";

    private final JdbcClient jdbc;

    JdbcOAuthStateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(String stateHash, String tenantId, String userId, String redirectUri, Instant createdAt,
            Instant expiresAt) {
        StorageFailures.translate("store the OAuth state", () -> jdbc.sql("""
                INSERT INTO oauth_states (state_hash, tenant_id, user_id, redirect_uri, created_at, expires_at)
                VALUES (:hash, :tenant, :user, :redirect, :created, :expires)""")
            .param("hash", stateHash)
            .param("tenant", tenantId)
            .param("user", userId)
            .param("redirect", redirectUri)
            .param("created", utc(createdAt))
            .param("expires", utc(expiresAt))
            .update());
    }

    @Override
    public Optional<OAuthStateRecord> consume(String stateHash, String tenantId, String userId,
            Instant consumedAt) {
        return StorageFailures.translate("check the OAuth state", () -> {
            Optional<OAuthStateRecord> unused = jdbc.sql("UPDATE oauth_states SET consumed_at = :now "
                    + "WHERE state_hash = :hash AND tenant_id = :tenant AND user_id = :user "
                    + "AND consumed_at IS NULL RETURNING " + COLUMNS)
                .param("now", utc(consumedAt))
                .param("hash", stateHash)
                .param("tenant", tenantId)
                .param("user", userId)
                .query((rs, row) -> record(rs, null))
                .optional();
            if (unused.isPresent()) {
                return unused;
            }
            return jdbc.sql("SELECT " + COLUMNS + ", consumed_at FROM oauth_states WHERE state_hash = :hash")
                .param("hash", stateHash)
                .query((rs, row) -> record(rs, instant(rs, "consumed_at")))
                .optional();
        });
    }

    private static OAuthStateRecord record(ResultSet rs, Instant consumedAt) throws SQLException {
        return new OAuthStateRecord(rs.getString("tenant_id"), rs.getString("user_id"), rs.getString("redirect_uri"),
                instant(rs, "created_at"), instant(rs, "expires_at"), consumedAt);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
