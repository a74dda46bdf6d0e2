package io.tenantconfig.onboarding.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tenantconfig.onboarding.meta.MetaAccessToken;
import io.tenantconfig.onboarding.meta.MetaApiException;
import io.tenantconfig.onboarding.meta.MetaAppCredentials;
import io.tenantconfig.onboarding.meta.MetaGraphClient;
import io.tenantconfig.onboarding.meta.MetaProperties;
import io.tenantconfig.onboarding.meta.MetaUnavailableException;

/**
 * Keeps tenants' long-lived tokens alive: tokens expiring within the window are exchanged again
 * ({@code fb_exchange_token}) while Meta still accepts them; tokens Meta will not extend are marked
 * {@code needs_reonboarding} so the tenant admin sees that the connection must be renewed.
 * A Meta outage leaves tokens untouched for the next run.
 */
public class TokenLifecycleJob {

    static final Duration GAUGE_WINDOW = Duration.ofDays(7);

    private static final Logger log = LoggerFactory.getLogger(TokenLifecycleJob.class);

    private final TokenLifecycleStore store;
    private final MetaGraphClient meta;
    private final MetaProperties properties;
    private final Clock clock;
    private final AtomicLong expiringWithinWeek = new AtomicLong();
    private final Counter refreshed;
    private final Counter needsReonboarding;
    private final Counter failed;

    public TokenLifecycleJob(TokenLifecycleStore store, MetaGraphClient meta, MetaProperties properties,
            Clock clock, MeterRegistry meters) {
        this.store = store;
        this.meta = meta;
        this.properties = properties;
        this.clock = clock;
        Gauge.builder("tenant.tokens.expiring", expiringWithinWeek, AtomicLong::get)
                .tag("within", "7d")
                .description("Valid tenant tokens expiring within 7 days, as of the last refresh run")
                .register(meters);
        this.refreshed = outcome(meters, "refreshed");
        this.needsReonboarding = outcome(meters, "needs_reonboarding");
        this.failed = outcome(meters, "failed");
    }

    private static Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder("tenant.tokens.refresh")
                .tag("outcome", outcome)
                .description("Token refresh attempts by outcome")
                .register(meters);
    }

    @Scheduled(cron = "${tenant-config.meta.token-refresh.cron:" + MetaProperties.TokenRefresh.DEFAULT_CRON_VALUE + "}")
    public void run() {
        Instant now = clock.instant();
        expiringWithinWeek.set(store.countValidTokensExpiringBefore(now.plus(GAUGE_WINDOW)));
        for (ExpiringToken token : store.findValidTokensExpiringBefore(now.plus(properties.getTokenRefresh().getWindow()))) {
            try {
                refresh(token, now);
            }
            catch (RuntimeException ex) {
                failed.increment();
                log.error("Tenant {}: token refresh failed; it will be retried on the next run", token.tenantId(),
                        ex);
            }
        }
    }

    private void refresh(ExpiringToken token, Instant now) {
        if (!token.expiresAt().isAfter(now)) {
            markNeedsReonboarding(token, "the token has expired");
            return;
        }
        MetaAppCredentials app = token.tenantApp() != null ? token.tenantApp() : properties.platformApp();
        if (app == null) {
            failed.increment();
            log.warn("Tenant {}: no Meta app configured, cannot refresh its token", token.tenantId());
            return;
        }
        MetaAccessToken renewed;
        try {
            renewed = meta.exchangeForLongLived(token.accessToken(), app);
        }
        catch (MetaApiException ex) {
            markNeedsReonboarding(token, ex.getMessage());
            return;
        }
        catch (MetaUnavailableException ex) {
            failed.increment();
            log.warn("Tenant {}: token refresh postponed: {}", token.tenantId(), ex.getMessage());
            return;
        }
        Instant expiresAt = renewed.expiresIn() == null ? null : now.plusSeconds(renewed.expiresIn());
        if (expiresAt != null && !expiresAt.isAfter(token.expiresAt())) {
            markNeedsReonboarding(token, "Meta did not extend the token");
            return;
        }
        store.saveRefreshedToken(token.tenantId(), renewed.accessToken(), expiresAt, now);
        refreshed.increment();
        log.info("Tenant {}: token refreshed, now expires {}", token.tenantId(), expiresAt == null ? "never" : expiresAt);
    }

    private void markNeedsReonboarding(ExpiringToken token, String reason) {
        store.markNeedsReonboarding(token.tenantId(), reason);
        needsReonboarding.increment();
        log.warn("Tenant {}: token expiring {} needs re-onboarding: {}", token.tenantId(), token.expiresAt(), reason);
    }
}
