package org.vigil.library.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One reading of a metric in its canonical unit (booleans as 0/1, ordinal answers by their score).
 *
 * @param recordedAt when it was measured
 * @param value      the exact value
 */
public record Reading(Instant recordedAt, BigDecimal value) {

    public Reading {
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(value, "value");
    }
}
