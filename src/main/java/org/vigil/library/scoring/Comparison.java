package org.vigil.library.scoring;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/** A numeric comparison, written in JSON as {@code gt}, {@code gte}, {@code lt}, {@code lte} or {@code eq}. */
public enum Comparison {
    GT, GTE, LT, LTE, EQ;

    public boolean test(BigDecimal actual, BigDecimal threshold) {
        int c = actual.compareTo(threshold);
        return switch (this) {
            case GT -> c > 0;
            case GTE -> c >= 0;
            case LT -> c < 0;
            case LTE -> c <= 0;
            case EQ -> c == 0;
        };
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Comparison> fromJson(String text) {
        for (Comparison comparison : values()) {
            if (comparison.json().equals(text)) {
                return Optional.of(comparison);
            }
        }
        return Optional.empty();
    }
}
