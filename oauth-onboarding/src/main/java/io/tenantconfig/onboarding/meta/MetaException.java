package io.tenantconfig.onboarding.meta;

/**
 * A call to Meta's Graph API did not give us what we asked for. Messages never carry a code, token,
 * secret or a URL with its query string.
 */
public abstract sealed class MetaException extends RuntimeException
        permits MetaApiException, MetaUnavailableException {

    protected MetaException(String message) {
        super(message);
    }
}
