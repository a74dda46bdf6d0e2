package io.tenantconfig.onboarding.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tenantconfig.onboarding.state.InvalidStateException.Reason;

class OAuthStateServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final String REDIRECT = "https://app.example.com/oauth/callback";

    private final OAuthStateRecord fresh = new OAuthStateRecord("acme", "alice", REDIRECT, NOW.minusSeconds(60),
            NOW.plusSeconds(540), null);

    @Test
    void issuedStateIsRandomUrlSafeAndOnlyItsHashIsSaved() {
        List<String> savedHashes = new ArrayList<>();
        List<Instant> savedExpiries = new ArrayList<>();
        OAuthStateStore capturing = new OAuthStateStore() {
            @Override
            public void save(String hash, String tenant, String user, String redirectUri, Instant created,
                    Instant expires) {
                savedHashes.add(hash);
                savedExpiries.add(expires);
            }

            @Override
            public Optional<OAuthStateRecord> consume(String hash, String tenant, String user, Instant consumedAt) {
                throw new UnsupportedOperationException("not part of this test");
            }
        };
        OAuthStateService service = new OAuthStateService(capturing, Duration.ofMinutes(10),
                Clock.fixed(NOW, ZoneOffset.UTC));

        IssuedState first = service.issue("acme", "alice", REDIRECT);
        IssuedState second = service.issue("acme", "alice", REDIRECT);

        assertThat(first.value()).matches("[A-Za-z0-9_-]{43}");
        assertThat(first.value()).isNotEqualTo(second.value());
        assertThat(first.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(savedHashes.get(0)).isEqualTo(OAuthStateService.hash(first.value())).hasSize(64)
                .doesNotContain(first.value());
        assertThat(savedExpiries).containsOnly(NOW.plus(Duration.ofMinutes(10)));
    }

    @Test
    void hashIsHexSha256() {
        assertThat(OAuthStateService.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void missingStateIsRefusedWithoutAskingTheStore() {
        OAuthStateStore untouchable = new OAuthStateStore() {
            @Override
            public void save(String h, String t, String u, String r, Instant c, Instant e) {
                throw new AssertionError("store must not be used");
            }

            @Override
            public Optional<OAuthStateRecord> consume(String hash, String tenant, String user, Instant consumedAt) {
                throw new AssertionError("store must not be used");
            }
        };
        OAuthStateService service = new OAuthStateService(untouchable, Duration.ofMinutes(10), Clock.systemUTC());

        assertThatThrownBy(() -> service.consume(" ", "acme", "alice", REDIRECT))
                .isInstanceOfSatisfying(InvalidStateException.class,
                        ex -> assertThat(ex.reason()).isEqualTo(Reason.MISSING));
    }

    @Test
    void freshStateOfSameTenantUserAndRedirectIsAccepted() {
        assertThatNoException().isThrownBy(() -> OAuthStateService.check(fresh, "acme", "alice", REDIRECT, NOW));
    }

    @Test
    void unknownStateIsRefused() {
        assertRefused(null, "acme", "alice", REDIRECT, NOW, Reason.UNKNOWN);
    }

    @Test
    void stateOfAnotherTenantIsRefused() {
        assertRefused(fresh, "globex", "alice", REDIRECT, NOW, Reason.OTHER_TENANT);
    }

    @Test
    void stateOfAnotherUserIsRefused() {
        assertRefused(fresh, "acme", "mallory", REDIRECT, NOW, Reason.OTHER_USER);
    }

    @Test
    void consumedStateIsRefusedAsAlreadyUsed() {
        OAuthStateRecord used = new OAuthStateRecord("acme", "alice", REDIRECT, fresh.createdAt(), fresh.expiresAt(),
                NOW.minusSeconds(5));
        assertRefused(used, "acme", "alice", REDIRECT, NOW, Reason.ALREADY_USED);
    }

    @Test
    void stateIsRefusedFromItsExpiryOn() {
        assertRefused(fresh, "acme", "alice", REDIRECT, fresh.expiresAt(), Reason.EXPIRED);
    }

    @Test
    void stateIssuedForEmbeddedSignupCannotBeUsedWithARedirectUri() {
        OAuthStateRecord embedded = new OAuthStateRecord("acme", "alice", null, fresh.createdAt(),
                fresh.expiresAt(), null);
        assertRefused(embedded, "acme", "alice", REDIRECT, NOW, Reason.REDIRECT_URI_DIFFERS);
        assertRefused(fresh, "acme", "alice", null, NOW, Reason.REDIRECT_URI_DIFFERS);
    }

    @Test
    void reasonsSpeakPlainly() {
        assertThat(Reason.ALREADY_USED.detail()).startsWith("state already used");
        assertThat(Reason.ALREADY_USED.code()).isEqualTo("state_already_used");
    }

    private static void assertRefused(OAuthStateRecord stored, String tenant, String user, String redirect,
            Instant now, Reason expected) {
        assertThatThrownBy(() -> OAuthStateService.check(stored, tenant, user, redirect, now))
                .isInstanceOfSatisfying(InvalidStateException.class, ex -> {
                    assertThat(ex.reason()).isEqualTo(expected);
                    assertThat(ex.getMessage()).isEqualTo(expected.detail());
                });
    }
}
