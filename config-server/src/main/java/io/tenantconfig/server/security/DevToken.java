package io.tenantconfig.server.security;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An issued development token and what it says, so a caller need not decode it. */
public record DevToken(String token, @JsonProperty("expires_at") Instant expiresAt,
        @JsonProperty("tenant_id") String tenantId, List<String> roles) {

    public DevToken {
        roles = List.copyOf(roles);
    }
}
