package org.vigil.library.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A completed assessment as scored on the server.
 *
 * @param completedAt when it was completed
 * @param score       the total score, or {@code null} for an unscored template
 * @param items       answers by item metric key (ordinal answers by their score); unanswered items absent
 */
public record AssessmentResult(Instant completedAt, BigDecimal score, Map<String, BigDecimal> items) {

    public AssessmentResult {
        Objects.requireNonNull(completedAt, "completedAt");
        items = Map.copyOf(items);
    }
}
