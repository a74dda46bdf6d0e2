package io.tenantconfig.client.whatsapp;

import java.util.regex.Pattern;

/**
 * Normalises a recipient number to the digits Meta expects, without ever guessing a country code.
 */
public final class RecipientNumbers {

    private static final int MIN_DIGITS = 7;
    private static final int MAX_DIGITS = 15;
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().]");

    private RecipientNumbers() {
    }

    /**
     * Strips spaces, dashes, dots, parentheses, a leading {@code +} or {@code 00} and surrounding whitespace
     * (e.g. a trailing newline); the rest must be 7 to 15 digits (E.164 without the plus).
     * @throws IllegalArgumentException when the number is not such a number after stripping
     */
    public static String normalize(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("recipient number must not be empty");
        }
        String number = SEPARATORS.matcher(raw.strip()).replaceAll("");
        if (number.startsWith("+")) {
            number = number.substring(1);
        }
        else if (number.startsWith("00")) {
            number = number.substring(2);
        }
        if (number.length() < MIN_DIGITS || number.length() > MAX_DIGITS || !number.chars().allMatch(
                c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("recipient must be an international number of 7-15 digits"
                    + " including the country code (got " + raw.strip().length() + " characters)");
        }
        return number;
    }
}
