package org.vigil.library.rules;

import java.math.BigDecimal;

/** A comparison of an observed value with a threshold; exact, by {@link BigDecimal#compareTo}. */
public enum Op {
    GT("gt", ">"),
    GTE("gte", "≥"),
    LT("lt", "<"),
    LTE("lte", "≤"),
    EQ("eq", "="),
    NEQ("neq", "≠");

    private final String json;
    private final String symbol;

    Op(String json, String symbol) {
        this.json = json;
        this.symbol = symbol;
    }

    /** The spelling in rule JSON: {@code gt}, {@code gte}, {@code lt}, {@code lte}, {@code eq}, {@code neq}. */
    public String json() {
        return json;
    }

    /** The symbol for messages: {@code >}, {@code ≥}, {@code <}, {@code ≤}, {@code =}, {@code ≠}. */
    public String symbol() {
        return symbol;
    }

    /** Whether {@code observed op threshold} holds; 180 and 180.0 are equal. */
    public boolean test(BigDecimal observed, BigDecimal threshold) {
        int c = observed.compareTo(threshold);
        return switch (this) {
            case GT -> c > 0;
            case GTE -> c >= 0;
            case LT -> c < 0;
            case LTE -> c <= 0;
            case EQ -> c == 0;
            case NEQ -> c != 0;
        };
    }

    static Op fromJson(String s) {
        for (Op op : values()) {
            if (op.json.equals(s)) {
                return op;
            }
        }
        return null;
    }
}
