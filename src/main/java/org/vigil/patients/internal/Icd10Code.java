package org.vigil.patients.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ICD-10-CM code syntax: a category of three characters (a letter other than U, a digit, a digit or
 * letter) and, after a dot, up to four more characters (E11.9, I50.22, S72.001A). Codes are stored
 * upper case with the dot; a code entered without the dot ("E119") gets it. This checks the form
 * only: whether the code exists in the current code set is the coder's business.
 */
final class Icd10Code {

    private static final Pattern FORM = Pattern.compile("^[A-TV-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?$");

    private Icd10Code() {
    }

    static Optional<String> normalize(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String code = input.trim().toUpperCase(Locale.ROOT);
        if (code.length() > 3 && code.indexOf('.') < 0) {
            code = code.substring(0, 3) + "." + code.substring(3);
        }
        return FORM.matcher(code).matches() ? Optional.of(code) : Optional.empty();
    }
}
