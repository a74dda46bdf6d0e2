package io.tenantconfig.onboarding.meta;

/**
 * Meta could not be reached, timed out, failed on its side (5xx) or answered something that is not Graph
 * API JSON. Nothing is wrong with the caller's input; trying again later may work.
 */
public final class MetaUnavailableException extends MetaException {

    public MetaUnavailableException(String message) {
        super(message);
    }
}
