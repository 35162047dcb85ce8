package org.vigil.library;

import java.util.regex.Pattern;

/**
 * LOINC code form and check digit. A LOINC code is 1–5 digits, a hyphen and a mod-10 check digit
 * computed as in the LOINC Users' Guide (the Luhn scheme): starting from the rightmost digit of the
 * number, every other digit is doubled, the digits of the results and of the undoubled digits are
 * added, and the check digit is what brings that sum up to the next multiple of 10. Example:
 * 8480 → 0·2, 8, 4·2, 8 → 0 + 8 + 8 + 8 = 24 → check digit 6 → {@code 8480-6}.
 */
public final class LoincCheckDigit {

    private static final Pattern FORM = Pattern.compile("^(\\d{1,5})-(\\d)$");

    private LoincCheckDigit() {
    }

    /** The check digit of the numeric part, e.g. 6 for "8480". */
    public static int of(String number) {
        if (number == null || !number.matches("\\d{1,5}")) {
            throw new IllegalArgumentException("A LOINC number is 1 to 5 digits");
        }
        int sum = 0;
        boolean doubled = true;
        for (int i = number.length() - 1; i >= 0; i--) {
            int digit = number.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                sum += digit / 10 + digit % 10;
            } else {
                sum += digit;
            }
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }

    /** True when {@code code} has the form {@code ^\d{1,5}-\d$} and its check digit is right. */
    public static boolean isValid(String code) {
        if (code == null) {
            return false;
        }
        var matcher = FORM.matcher(code);
        return matcher.matches() && of(matcher.group(1)) == matcher.group(2).charAt(0) - '0';
    }
}
