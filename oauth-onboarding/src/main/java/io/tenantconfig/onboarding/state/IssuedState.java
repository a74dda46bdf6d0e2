package io.tenantconfig.onboarding.state;

import java.time.Instant;

/**
 * A state handed to the browser, to come back with the authorization code.
 *
 * @param value     the random state itself (only its hash is stored)
 * @param expiresAt when it stops being accepted
 */
public record IssuedState(String value, Instant expiresAt) {
}
