package io.tenantconfig.server.tenant;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One entry of the audit trail as admins read it: field names only, never values. */
record AuditRecord(
        @JsonProperty("id") long id,
        @JsonProperty("tenant_id") String tenantId,
        @JsonProperty("actor") String actor,
        @JsonProperty("action") String action,
        @JsonProperty("changed_fields") List<String> changedFields,
        @JsonProperty("detail") String detail,
        @JsonProperty("created_at") OffsetDateTime createdAt) {
}
