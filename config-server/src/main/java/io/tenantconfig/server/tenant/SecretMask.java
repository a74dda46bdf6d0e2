package io.tenantconfig.server.tenant;

/**
 * The one masking rule of the tenant API: {@code ***} plus the last four characters, or {@code ***} alone when
 * the value is too short for four characters to be a small part of it.
 */
final class SecretMask {

    static final String MASK = "***";

    /** Shown instead of a mask when the stored secret cannot be decrypted; enter the value again to repair it. */
    static final String UNREADABLE = "***unreadable";

    /** Below this length the last four characters would give away too much of the value. */
    static final int MIN_LENGTH_FOR_HINT = 12;

    private static final int HINT_LENGTH = 4;

    private SecretMask() {
    }

    static String mask(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        if (plaintext.length() < MIN_LENGTH_FOR_HINT) {
            return MASK;
        }
        return MASK + plaintext.substring(plaintext.length() - HINT_LENGTH);
    }
}
