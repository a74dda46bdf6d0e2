package io.tenantconfig.server.audit;

/** What happened to a tenant's configuration; stored lower-case in {@code config_audit.action}. */
public enum AuditAction {
    CREATE, UPDATE, DELETE, ACTIVATE, DEACTIVATE, ONBOARD, WEBHOOK_SUBSCRIPTION, TOKEN_REFRESH, TOKEN_NEEDS_REONBOARDING
}
