package io.tenantconfig.onboarding.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

import io.tenantconfig.onboarding.state.InvalidStateException.Reason;

/**
 * Issues and checks the OAuth {@code state} (CSRF protection): 256 random bits, single use, short-lived,
 * bound to the tenant, the user and the redirect URI it was issued for.
 */
public class OAuthStateService {

    private static final int STATE_BYTES = 32;
    private static final int MAX_STATE_LENGTH = 128;

    private final OAuthStateStore store;
    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public OAuthStateService(OAuthStateStore store, Duration ttl, Clock clock) {
        this.store = store;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Issues a new state for this tenant user; {@code redirectUri} is {@code null} for Embedded Signup. */
    public IssuedState issue(String tenantId, String userId, String redirectUri) {
        byte[] bytes = new byte[STATE_BYTES];
        random.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        store.save(hash(state), tenantId, userId, redirectUri, now, expiresAt);
        return new IssuedState(state, expiresAt);
    }

    /**
     * Uses up a state presented by its own tenant user: afterwards it is never accepted again, whatever the
     * outcome of this call. A state presented by another tenant or user is refused and left unused, so whoever
     * learns someone else's state cannot spoil that user's onboarding with it.
     *
     * @throws InvalidStateException when it is missing, unknown, used, expired, foreign or issued for
     *                               another redirect URI
     */
    public void consume(String state, String tenantId, String userId, String redirectUri) {
        if (state == null || state.isBlank()) {
            throw new InvalidStateException(Reason.MISSING);
        }
        if (state.length() > MAX_STATE_LENGTH) {
            throw new InvalidStateException(Reason.UNKNOWN);
        }
        Instant now = clock.instant();
        Optional<OAuthStateRecord> stored = store.consume(hash(state), tenantId, userId, now);
        check(stored.orElse(null), tenantId, userId, redirectUri, now);
    }

    /**
     * The rules a consumed state must pass, in the order a caller needs to hear them.
     *
     * @param stored the state as it was before it was consumed, or {@code null} when it is unknown
     */
    static void check(OAuthStateRecord stored, String tenantId, String userId, String redirectUri, Instant now) {
        if (stored == null) {
            throw new InvalidStateException(Reason.UNKNOWN);
        }
        if (!stored.tenantId().equals(tenantId)) {
            throw new InvalidStateException(Reason.OTHER_TENANT);
        }
        if (!stored.userId().equals(userId)) {
            throw new InvalidStateException(Reason.OTHER_USER);
        }
        if (stored.consumedAt() != null) {
            throw new InvalidStateException(Reason.ALREADY_USED);
        }
        if (!now.isBefore(stored.expiresAt())) {
            throw new InvalidStateException(Reason.EXPIRED);
        }
        if (!Objects.equals(stored.redirectUri(), redirectUri)) {
            throw new InvalidStateException(Reason.REDIRECT_URI_DIFFERS);
        }
    }

    /** Hex SHA-256 of the state: what the store keeps instead of the state. */
    static String hash(String state) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", ex);
        }
    }
}
