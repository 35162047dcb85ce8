package org.vigil.identity.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Single-use recovery codes for two-factor sign-in. {@link #generate()} returns {@value #COUNT} codes shaped
 * {@code xxxxx-xxxxx} from a {@value #ALPHABET_SIZE}-character alphabet without look-alikes (no 0/o, 1/i/l), so
 * each code carries 10 x log2(31) &asymp; 49.5 bits from {@link SecureRandom}.
 *
 * <p>Only {@link #hash(String)} of each code is stored: SHA-256 hex of the normalised code (lower case, dashes and
 * white space removed). A fast, unsalted hash is acceptable here, unlike for passwords, because the codes are
 * random and high-entropy: with ~2^49 equally likely codes, a stolen hash cannot be reversed by dictionary or
 * brute force in useful time, so a slow salted KDF would add cost without adding security. The caller deletes or
 * marks the matched hash so each code works once.
 */
final class BackupCodes {

    static final int COUNT = 10;
    static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
    static final int ALPHABET_SIZE = 31;
    static final int GROUP_LENGTH = 5;

    private final SecureRandom random;

    BackupCodes() {
        this(new SecureRandom());
    }

    BackupCodes(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** {@value #COUNT} distinct new codes, e.g. {@code 7hq2k-m9xwa}; show them once, store only their hashes. */
    List<String> generate() {
        Set<String> codes = new HashSet<>();
        List<String> ordered = new ArrayList<>(COUNT);
        while (ordered.size() < COUNT) {
            String code = group() + "-" + group();
            if (codes.add(code)) {
                ordered.add(code);
            }
        }
        return List.copyOf(ordered);
    }

    /** SHA-256 hex of the normalised code; what gets stored. */
    static String hash(String code) {
        return Sha256.hex(normalise(Objects.requireNonNull(code, "code")));
    }

    /**
     * Finds which stored hash the user's input belongs to. Input is normalised (case, spaces, dashes), so
     * {@code "7HQ2K M9XWA"} matches {@code 7hq2k-m9xwa}. Every hash is compared in constant time, without stopping
     * at the first match.
     *
     * @param hashes stored hashes; {@code null} entries (already used codes) are skipped
     * @return index in {@code hashes} of the matching code, or empty (also for null or malformed input)
     */
    static OptionalInt matches(String candidate, List<String> hashes) {
        if (candidate == null || hashes == null) {
            return OptionalInt.empty();
        }
        String normalised = normalise(candidate);
        if (!isWellFormed(normalised)) {
            return OptionalInt.empty();
        }
        String candidateHash = Sha256.hex(normalised);
        int found = -1;
        for (int i = 0; i < hashes.size(); i++) {
            String stored = hashes.get(i);
            if (stored != null && Sha256.equalHex(candidateHash, stored.toLowerCase(Locale.ROOT)) && found < 0) {
                found = i;
            }
        }
        return found < 0 ? OptionalInt.empty() : OptionalInt.of(found);
    }

    static String normalise(String code) {
        return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    private static boolean isWellFormed(String normalised) {
        if (normalised.length() != 2 * GROUP_LENGTH) {
            return false;
        }
        for (int i = 0; i < normalised.length(); i++) {
            if (ALPHABET.indexOf(normalised.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private String group() {
        StringBuilder group = new StringBuilder(GROUP_LENGTH);
        for (int i = 0; i < GROUP_LENGTH; i++) {
            group.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return group.toString();
    }
}
