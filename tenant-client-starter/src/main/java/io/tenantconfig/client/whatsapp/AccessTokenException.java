package io.tenantconfig.client.whatsapp;

/**
 * Meta refused the tenant's access token (code 190: expired or invalidated). The client reloads the tenant's
 * config once and retries once; this exception reaches the caller when that did not help.
 */
public class AccessTokenException extends WhatsAppApiException {

    private final boolean afterReload;

    public AccessTokenException(String tenantId, GraphError error, Throwable cause) {
        this(tenantId, error, cause, false);
    }

    private AccessTokenException(String tenantId, GraphError error, Throwable cause, boolean afterReload) {
        super(tenantId, error, cause);
        this.afterReload = afterReload;
    }

    /** The same error, marked as seen again after the tenant's config was reloaded. */
    AccessTokenException afterReload() {
        GraphError error = error();
        GraphError explained = new GraphError(error.httpStatus(), error.code(), error.subcode(), error.type(),
                error.fbtraceId(), error.message() + " — still refused after reloading the tenant's config;"
                        + " the tenant must renew its token", error.details());
        return new AccessTokenException(tenantId(), explained, this, true);
    }

    /** Whether the token was refused again after a config reload. */
    public boolean isAfterReload() {
        return afterReload;
    }

    @Override
    public String outcome() {
        return "access_token";
    }
}
