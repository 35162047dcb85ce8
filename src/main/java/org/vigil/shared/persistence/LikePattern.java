package org.vigil.shared.persistence;

import java.util.Locale;

/** Search text as a SQL LIKE pattern that matches it literally: its own % and _ are escaped with '\'. */
public final class LikePattern {

    /** The escape character the patterns use: pass it to {@code cb.like(…, pattern, ESCAPE)}. */
    public static final char ESCAPE = '\\';

    private LikePattern() {
    }

    /** "contains", case-insensitive (compare with the column lower-cased). */
    public static String contains(String text) {
        return "%" + text.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                + "%";
    }
}
