package io.tenantconfig.onboarding.flow;

/**
 * A field of an onboarding request is missing or not acceptable; nothing was sent to Meta.
 */
public class InvalidOnboardingRequestException extends RuntimeException {

    private final String field;

    public InvalidOnboardingRequestException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    /** The request field at fault, in its JSON spelling. */
    public String field() {
        return field;
    }
}
