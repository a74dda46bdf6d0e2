package io.tenantconfig.server.onboarding;

import java.util.function.Supplier;

import org.springframework.dao.DataAccessException;

import io.tenantconfig.onboarding.flow.OnboardingStorageException;

/**
 * Turns a database failure into the onboarding module's {@link OnboardingStorageException} (answered 500).
 * The message names only what we tried to do: the driver's text can hold SQL and values.
 */
final class StorageFailures {

    private StorageFailures() {
    }

    static <T> T translate(String action, Supplier<T> work) {
        try {
            return work.get();
        }
        catch (DataAccessException ex) {
            throw new OnboardingStorageException("could not " + action, ex);
        }
    }

    static void translate(String action, Runnable work) {
        translate(action, () -> {
            work.run();
            return null;
        });
    }
}
