package org.vigil.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a new password is acceptable for a user (NIST SP 800-63B style: length and a block list, no
 * composition rules). Rules, each reported as its own {@link PasswordViolation}:
 * <ul>
 *   <li>{@code too_short} / {@code too_long}: between {@value #MIN_LENGTH} and {@value #MAX_LENGTH} characters,
 *       counted as Unicode code points (so an emoji counts once);</li>
 *   <li>{@code common}: not in the common-passwords list (case-insensitive exact match), nor such a password
 *       followed only by digits/punctuation/symbols ("Password12345!" is "password"), the latter only when what
 *       remains after stripping is at least {@value #MIN_STRIPPED_LENGTH} characters;</li>
 *   <li>{@code contains_email}: does not contain the local part of the user's email (the part before the last
 *       {@code @}), case-insensitively, when that local part is at least {@value #MIN_LOCAL_PART_LENGTH} characters;</li>
 *   <li>{@code repeated_character}: is not one character repeated ("aaaaaaaaaaaa").</li>
 * </ul>
 * The list is {@code identity/common-passwords.txt} on the class path (zxcvbn's frequency list), loaded once.
 * Messages never echo the password.
 */
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    static final int MIN_STRIPPED_LENGTH = 4;
    static final int MIN_LOCAL_PART_LENGTH = 3;
    static final String COMMON_PASSWORDS_RESOURCE = "/identity/common-passwords.txt";

    private static final Pattern TRAILING_DIGITS_AND_PUNCTUATION = Pattern.compile("[\\p{Nd}\\p{P}\\p{S}]+$");

    private final Set<String> commonPasswords;

    /** Uses the bundled common-passwords list (loaded on first use, then shared). */
    PasswordPolicy() {
        this(BundledList.PASSWORDS);
    }

    /** Uses the given lower-case block list (for tests or a custom list). */
    PasswordPolicy(Set<String> commonPasswords) {
        this.commonPasswords = Set.copyOf(commonPasswords);
    }

    /**
     * Returns every rule {@code password} breaks; an empty list means acceptable.
     *
     * @param password candidate; {@code null} is treated as empty
     * @param email    the user's email; {@code null} or blank skips the email rule
     */
    List<PasswordViolation> validate(String password, String email) {
        String candidate = password == null ? "" : password;
        List<PasswordViolation> violations = new ArrayList<>();
        int length = candidate.codePointCount(0, candidate.length());
        if (length < MIN_LENGTH) {
            violations.add(new PasswordViolation("too_short",
                    "Password must be at least " + MIN_LENGTH + " characters long."));
        }
        if (length > MAX_LENGTH) {
            violations.add(new PasswordViolation("too_long",
                    "Password must be at most " + MAX_LENGTH + " characters long."));
        }
        String lower = candidate.toLowerCase(Locale.ROOT);
        if (isCommon(lower)) {
            violations.add(new PasswordViolation("common",
                    "Password is too common; choose one that is not on lists of frequently used passwords."));
        }
        if (containsEmailLocalPart(lower, email)) {
            violations.add(new PasswordViolation("contains_email",
                    "Password must not contain your email address or its user name."));
        }
        if (length > 0 && candidate.codePoints().distinct().count() == 1) {
            violations.add(new PasswordViolation("repeated_character",
                    "Password must not be a single repeated character."));
        }
        return List.copyOf(violations);
    }

    private boolean isCommon(String lower) {
        if (lower.isEmpty()) {
            return false;
        }
        if (commonPasswords.contains(lower)) {
            return true;
        }
        String stripped = TRAILING_DIGITS_AND_PUNCTUATION.matcher(lower).replaceFirst("");
        return stripped.codePointCount(0, stripped.length()) >= MIN_STRIPPED_LENGTH
                && commonPasswords.contains(stripped);
    }

    private static boolean containsEmailLocalPart(String lowerPassword, String email) {
        if (email == null) {
            return false;
        }
        String trimmed = email.strip();
        int at = trimmed.lastIndexOf('@');
        String localPart = (at >= 0 ? trimmed.substring(0, at) : trimmed).toLowerCase(Locale.ROOT);
        return localPart.codePointCount(0, localPart.length()) >= MIN_LOCAL_PART_LENGTH
                && lowerPassword.contains(localPart);
    }

    /** Reads a block list: one password per line, blank lines and lines starting with {@code #} skipped. */
    static Set<String> load(InputStream in) throws IOException {
        Set<String> passwords = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    passwords.add(entry.toLowerCase(Locale.ROOT));
                }
            }
        }
        return passwords;
    }

    /** Lazy holder: the list is read on first use of {@link #PasswordPolicy()} and kept for the JVM's lifetime. */
    private static final class BundledList {

        static final Set<String> PASSWORDS = loadBundled();

        private static Set<String> loadBundled() {
            try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Missing class-path resource " + COMMON_PASSWORDS_RESOURCE);
                }
                return Set.copyOf(load(in));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + COMMON_PASSWORDS_RESOURCE, e);
            }
        }
    }
}
