package io.tenantconfig.onboarding.state;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: where issued OAuth states live (table {@code oauth_states} in config-server). Only the SHA-256 hash
 * of a state is ever handed to the store, so a leaked table does not leak usable states.
 */
public interface OAuthStateStore {

    /** Stores a freshly issued state; {@code redirectUri} is {@code null} for the Embedded Signup flow. */
    void save(String stateHash, String tenantId, String userId, String redirectUri, Instant createdAt,
            Instant expiresAt);

    /**
     * Marks the state consumed if it belongs to this tenant and user and is unused, and returns it as it was
     * <em>before</em> this call, atomically: of two concurrent calls only one sees {@code consumedAt() == null};
     * the other sees the time of the first. A state of another tenant or user is returned unchanged and stays
     * usable by its owner, so a foreign caller cannot burn it (e.g. {@code UPDATE … SET consumed_at = ? WHERE
     * state_hash = ? AND tenant_id = ? AND user_id = ? AND consumed_at IS NULL RETURNING …}, falling back to a
     * plain select when no row was updated).
     *
     * @return empty when no state with that hash was ever issued
     */
    Optional<OAuthStateRecord> consume(String stateHash, String tenantId, String userId, Instant consumedAt);
}
