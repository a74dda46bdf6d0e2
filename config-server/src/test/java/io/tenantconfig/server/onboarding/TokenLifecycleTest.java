package io.tenantconfig.server.onboarding;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.tenantconfig.onboarding.lifecycle.TokenLifecycleJob;
import io.tenantconfig.onboarding.meta.MetaGraphClient;
import io.tenantconfig.onboarding.meta.MetaProperties;
import io.tenantconfig.server.crypto.SecretCipher;
import io.tenantconfig.server.support.MetaStub;
import io.tenantconfig.server.support.TenantConfigServerTest;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.tenantconfig.server.onboarding.OnboardingFlowTest.SIXTY_DAYS;
import static io.tenantconfig.server.onboarding.OnboardingFlowTest.instant;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token refresh job against PostgreSQL and WireMock as Meta. The job runs on a clock fixed in 2001 and with
 * its own meter registry, so that only this test's rows (expiring in January 2001) are in its window whatever
 * other tests stored in the shared database, and the metric values are exact.
 */
@TenantConfigServerTest
class TokenLifecycleTest {

    static final Instant NOW = Instant.parse("2001-01-01T00:00:00Z");

    @Autowired
    JdbcTokenLifecycleStore store;

    @Autowired
    MetaGraphClient meta;

    @Autowired
    MetaProperties properties;

    @Autowired
    SecretCipher cipher;

    @Autowired
    TokenLifecycleJob scheduledJob;

    @Autowired
    MeterRegistry contextMeters;

    final StoredRows stored = new StoredRows();

    private void validToken(String tenant, boolean active, String token, Instant expiresAt) {
        stored.jdbc().update("""
                INSERT INTO tenant_configs (tenant_id, is_active, access_token, token_expires_at, token_status,
                    onboarding_completed)
                VALUES (?, ?, ?, ?, 'valid', true)""", tenant, active, cipher.encrypt(token),
                expiresAt.atOffset(ZoneOffset.UTC));
    }

    @Test
    void refreshesWhatMetaExtendsFlagsWhatItRefusesAndCountsBoth() {
        validToken("life-refresh", true, "EAAG-life-refresh-old", NOW.plus(4, ChronoUnit.DAYS));
        validToken("life-refused", true, "EAAG-life-refused", NOW.plus(5, ChronoUnit.DAYS));
        validToken("life-later", true, "EAAG-life-later", NOW.plus(60, ChronoUnit.DAYS));
        validToken("life-inactive", false, "EAAG-life-inactive", NOW.plus(3, ChronoUnit.DAYS));
        MetaStub.longLivedExchange("EAAG-life-refresh-old", MetaStub.token("EAAG-life-refresh-new", SIXTY_DAYS));
        MetaStub.longLivedExchange("EAAG-life-refused", MetaStub.error(190, 460,
                "Error validating access token: The session has been invalidated"));
        String laterBefore = stored.tenantRowText("life-later");
        String inactiveBefore = stored.tenantRowText("life-inactive");
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        TokenLifecycleJob job = new TokenLifecycleJob(store, meta, properties, Clock.fixed(NOW, ZoneOffset.UTC),
                meters);

        job.run();

        Map<String, Object> refreshed = stored.tenant("life-refresh");
        assertThat(cipher.decrypt((String) refreshed.get("access_token"), "life-refresh"))
            .isEqualTo("EAAG-life-refresh-new");
        assertThat((String) refreshed.get("access_token")).startsWith(SecretCipher.PREFIX);
        assertThat(instant(refreshed.get("token_expires_at"))).isEqualTo(NOW.plusSeconds(SIXTY_DAYS));
        assertThat(instant(refreshed.get("last_verified_at"))).isEqualTo(NOW);
        assertThat(refreshed.get("token_status")).isEqualTo("valid");
        assertThat(refreshed.get("version")).isEqualTo(1L);
        assertThat(stored.audit("life-refresh")).singleElement()
            .satisfies(entry -> assertThat(entry.get("action")).isEqualTo("token_refresh"));

        Map<String, Object> refused = stored.tenant("life-refused");
        assertThat(refused.get("token_status")).isEqualTo("needs_reonboarding");
        assertThat(cipher.decrypt((String) refused.get("access_token"), "life-refused"))
            .as("the token itself is left as it was").isEqualTo("EAAG-life-refused");
        assertThat(stored.audit("life-refused")).singleElement().satisfies(entry -> {
            assertThat(entry.get("action")).isEqualTo("token_needs_reonboarding");
            assertThat((String) entry.get("detail")).contains("invalidated");
        });

        assertThat(stored.tenantRowText("life-later")).isEqualTo(laterBefore);
        assertThat(stored.tenantRowText("life-inactive")).isEqualTo(inactiveBefore);
        MetaStub.server().verify(0, getRequestedFor(urlPathEqualTo("/v23.0/oauth/access_token"))
            .withQueryParam("fb_exchange_token", equalTo("EAAG-life-later")));

        assertThat(meters.get("tenant.tokens.expiring").tag("within", "7d").gauge().value()).isEqualTo(2.0);
        assertThat(meters.get("tenant.tokens.refresh").tag("outcome", "refreshed").counter().count()).isEqualTo(1.0);
        assertThat(meters.get("tenant.tokens.refresh").tag("outcome", "needs_reonboarding").counter().count())
            .isEqualTo(1.0);
        assertThat(meters.get("tenant.tokens.refresh").tag("outcome", "failed").counter().count()).isZero();

        // a second run finds nothing left to do in the window: one token extended, the other flagged
        job.run();
        assertThat(meters.get("tenant.tokens.expiring").tag("within", "7d").gauge().value()).isZero();
        assertThat(meters.get("tenant.tokens.refresh").tag("outcome", "refreshed").counter().count()).isEqualTo(1.0);
    }

    @Test
    void theServerRunsTheJobOverThisStoreAndPublishesItsMetrics() {
        assertThat(scheduledJob).isNotNull();
        assertThat(contextMeters.find("tenant.tokens.expiring").tag("within", "7d").gauge()).isNotNull();
        assertThat(contextMeters.find("tenant.tokens.refresh").tag("outcome", "refreshed").counter()).isNotNull();
    }
}
