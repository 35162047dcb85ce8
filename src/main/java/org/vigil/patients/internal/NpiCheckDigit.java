package org.vigil.patients.internal;

/**
 * The National Provider Identifier check (CMS, "Requirements for NPI check digit"): an NPI is ten
 * digits whose last digit is the Luhn check digit computed over the prefix {@code 80840} (the
 * ISO card-issuer prefix for US health applications) followed by the first nine digits.
 * 1234567893 is valid; changing any one digit makes it invalid.
 */
final class NpiCheckDigit {

    private static final String PREFIX = "80840";

    private NpiCheckDigit() {
    }

    static boolean isValid(String npi) {
        if (npi == null || !npi.matches("[0-9]{10}")) {
            return false;
        }
        return checkDigit(npi.substring(0, 9)) == npi.charAt(9) - '0';
    }

    /** The Luhn check digit of {@code 80840} + the nine digits. */
    static int checkDigit(String firstNineDigits) {
        String payload = PREFIX + firstNineDigits;
        int sum = 0;
        // From the rightmost payload digit leftwards, every other digit (starting with the
        // rightmost) is doubled, subtracting 9 when the double exceeds 9.
        for (int i = 0; i < payload.length(); i++) {
            int digit = payload.charAt(payload.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10;
    }
}
