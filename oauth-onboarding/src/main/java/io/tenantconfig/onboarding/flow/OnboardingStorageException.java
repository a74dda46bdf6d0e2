package io.tenantconfig.onboarding.flow;

/**
 * Our own storage failed while onboarding; the only case answered with 500.
 */
public class OnboardingStorageException extends RuntimeException {

    public OnboardingStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
