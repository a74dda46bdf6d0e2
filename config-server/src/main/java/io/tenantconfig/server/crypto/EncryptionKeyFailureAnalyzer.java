package io.tenantconfig.server.crypto;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a key problem at start-up into one clear message instead of a bean-creation stack trace. */
class EncryptionKeyFailureAnalyzer extends AbstractFailureAnalyzer<EncryptionKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EncryptionKeyException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set TENANT_CONFIG_ENCRYPTION_KEY to the base64 of 32 random bytes (openssl rand -base64 32), "
                        + "or run without spring.datasource.url to use embedded mode, which generates a local key.",
                cause);
    }
}
