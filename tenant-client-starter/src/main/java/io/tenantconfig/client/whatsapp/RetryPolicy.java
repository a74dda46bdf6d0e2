package io.tenantconfig.client.whatsapp;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bounded exponential back-off with jitter for retryable Graph errors.
 *
 * @param maxAttempts attempts in total, the first one included
 */
public record RetryPolicy(int maxAttempts, Duration baseBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /**
     * The pause before retry number {@code retry} (1 for the first retry): half of the doubled base back-off
     * plus a random share of the other half, so that many senders throttled together do not retry in step.
     */
    public Duration backoffBefore(int retry) {
        long base = baseBackoff.toMillis();
        long doubled = base << Math.min(retry - 1, 20);
        long capped = Math.min(doubled, maxBackoff.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + (half == 0 ? 0 : ThreadLocalRandom.current().nextLong(half + 1)));
    }
}
