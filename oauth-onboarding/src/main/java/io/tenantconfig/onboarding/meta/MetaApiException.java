package io.tenantconfig.onboarding.meta;

/**
 * Meta answered with a Graph API error object. {@link #getMessage()} is a plain-words reason derived from
 * code and subcode; Meta's own wording is kept separately for operators.
 */
public final class MetaApiException extends MetaException {

    private final int code;
    private final Integer subcode;
    private final String type;
    private final String fbtraceId;
    private final boolean callerError;

    public MetaApiException(String reason, int code, Integer subcode, String type, String fbtraceId,
            boolean callerError) {
        super(reason);
        this.code = code;
        this.subcode = subcode;
        this.type = type;
        this.fbtraceId = fbtraceId;
        this.callerError = callerError;
    }

    /** Meta's numeric error {@code code}. */
    public int code() {
        return code;
    }

    /** Meta's {@code error_subcode}, or {@code null}. */
    public Integer subcode() {
        return subcode;
    }

    /** Meta's error {@code type}, e.g. {@code OAuthException}. */
    public String type() {
        return type;
    }

    /** Meta's {@code fbtrace_id}, what Meta support asks for. */
    public String fbtraceId() {
        return fbtraceId;
    }

    /**
     * Whether the error is about what the caller sent (a bad, expired or reused code or token) rather than
     * about our app's setup or Meta's limits.
     */
    public boolean callerError() {
        return callerError;
    }
}
