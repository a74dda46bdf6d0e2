package io.tenantconfig.onboarding.state;

/**
 * The {@code state} sent with an authorization code is not one we can accept; Meta is not called.
 */
public class InvalidStateException extends RuntimeException {

    /** Why a state was refused; {@link #detail()} is the plain-words text shown to the caller. */
    public enum Reason {
        MISSING("state is missing: start the onboarding again to get one"),
        UNKNOWN("state is unknown: it was not issued by this server"),
        EXPIRED("state expired: start the onboarding again"),
        ALREADY_USED("state already used: each state (and each authorization code) works once"),
        OTHER_TENANT("state was issued to another tenant"),
        OTHER_USER("state was issued to another user"),
        REDIRECT_URI_DIFFERS("redirect_uri differs from the one the state was issued for");

        private final String detail;

        Reason(String detail) {
            this.detail = detail;
        }

        public String detail() {
            return detail;
        }

        /** Machine-readable form for clients, e.g. {@code state_already_used}. */
        public String code() {
            return "state_" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Reason reason;

    public InvalidStateException(Reason reason) {
        super(reason.detail());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
