package io.tenantconfig.onboarding.meta;

import java.util.Locale;

/**
 * Turns a Graph API error object into a {@link MetaApiException} whose message a tenant admin understands.
 * Meta's own message is only read to tell apart errors that share code 100; it is never copied into ours,
 * because it can echo parts of the request.
 */
final class MetaErrorTranslator {

    private static final int INVALID_PARAMETER = 100;
    private static final int CODE_ALREADY_USED = 36009;
    private static final int CODE_EXPIRED = 36007;
    private static final int INVALID_TOKEN = 190;
    private static final int TOKEN_EXPIRED = 463;
    private static final int TOKEN_INVALIDATED = 460;
    private static final int SESSION_INVALID = 467;

    private MetaErrorTranslator() {
    }

    static MetaApiException translate(int code, Integer subcode, String type, String metaMessage, String fbtraceId) {
        String message = metaMessage == null ? "" : metaMessage.toLowerCase(Locale.ROOT);
        return switch (code) {
            case INVALID_PARAMETER -> new MetaApiException(invalidParameterReason(subcode, message), code, subcode,
                    type, fbtraceId, true);
            case INVALID_TOKEN -> new MetaApiException(invalidTokenReason(subcode), code, subcode, type, fbtraceId,
                    true);
            case 1 -> message.contains("client secret")
                    ? new MetaApiException("Meta rejected the app secret configured for this app", code, subcode,
                            type, fbtraceId, false)
                    : new MetaApiException("Meta reported an unknown temporary error (code 1)", code, subcode, type,
                            fbtraceId, false);
            case 101 -> new MetaApiException("Meta does not know the configured app id", code, subcode, type,
                    fbtraceId, false);
            case 10, 200 -> new MetaApiException(
                    "the token lacks a permission this call needs (grant the WhatsApp permissions in the dialog)",
                    code, subcode, type, fbtraceId, true);
            case 4, 17, 32, 613, 80007 -> new MetaApiException("Meta is rate-limiting this app; try again later",
                    code, subcode, type, fbtraceId, false);
            default -> new MetaApiException("Meta refused the request (code " + code + ")", code, subcode, type,
                    fbtraceId, false);
        };
    }

    private static String invalidParameterReason(Integer subcode, String message) {
        if (subcode != null && subcode == CODE_ALREADY_USED) {
            return "authorization code already used";
        }
        if ((subcode != null && subcode == CODE_EXPIRED) || message.contains("expired")) {
            return "authorization code expired";
        }
        if (message.contains("redirect_uri")) {
            return "redirect_uri does not match the one used in the dialog";
        }
        if (message.contains("verification code") || message.contains("authorization code")) {
            return "authorization code is invalid";
        }
        return "Meta rejected a parameter of the request (code 100)";
    }

    private static String invalidTokenReason(Integer subcode) {
        if (subcode == null) {
            return "access token is invalid";
        }
        return switch (subcode) {
            case TOKEN_EXPIRED -> "access token expired";
            case TOKEN_INVALIDATED -> "access token was invalidated (password changed or app removed)";
            case SESSION_INVALID -> "access token is no longer valid (user logged out)";
            default -> "access token is invalid";
        };
    }
}
