package org.vigil.library.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a rule is judged on, for one patient at one instant; filled by the caller (the
 * evaluator reads no clock and no database). Anything recorded after {@code now} is ignored, so an
 * evaluation can be replayed; the caller must therefore choose a {@code now} no earlier than the
 * reading that prompted the evaluation (ingestion accepts readings up to 5 minutes in the future).
 *
 * @param now             the evaluation instant
 * @param monitoringStart when monitoring of this patient began (the enrollment's start): missing data
 *                        is counted from here when there is no later reading; may be {@code null}
 *                        only if no rule asks about missing data of a metric without readings
 * @param readings        readings by metric key, any order (sorted here by {@code recordedAt})
 * @param assessments     completed assessments by template key, any order
 * @param doses           dose events of the patient's medications, any order
 * @param overrides       the patient's threshold overrides by key
 */
public record EvaluationContext(Instant now, Instant monitoringStart, Map<String, List<Reading>> readings,
                                Map<String, List<AssessmentResult>> assessments, List<DoseEvent> doses,
                                Map<String, BigDecimal> overrides) {

    public EvaluationContext {
        Objects.requireNonNull(now, "now");
        readings = sortedCopy(readings, Comparator.comparing(Reading::recordedAt));
        assessments = sortedCopy(assessments, Comparator.comparing(AssessmentResult::completedAt));
        doses = doses.stream().sorted(Comparator.comparing(DoseEvent::at)).toList();
        overrides = Map.copyOf(overrides);
    }

    /** The metric's readings at or before {@code now}, oldest first. */
    public List<Reading> readingsOf(String metric) {
        return upToNow(readings.getOrDefault(metric, List.of()), Reading::recordedAt);
    }

    /** The template's assessments completed at or before {@code now}, oldest first. */
    public List<AssessmentResult> assessmentsOf(String template) {
        return upToNow(assessments.getOrDefault(template, List.of()), AssessmentResult::completedAt);
    }

    /** Dose events at or before {@code now}, oldest first. */
    public List<DoseEvent> dosesUpToNow() {
        return upToNow(doses, DoseEvent::at);
    }

    public static Builder at(Instant now) {
        return new Builder(now);
    }

    private <T> List<T> upToNow(List<T> sorted, java.util.function.Function<T, Instant> time) {
        int end = sorted.size();
        while (end > 0 && time.apply(sorted.get(end - 1)).isAfter(now)) {
            end--;
        }
        return sorted.subList(0, end);
    }

    private static <T> Map<String, List<T>> sortedCopy(Map<String, List<T>> in, Comparator<T> order) {
        Map<String, List<T>> out = new HashMap<>();
        in.forEach((k, v) -> out.put(k, v.stream().sorted(order).toList()));
        return Map.copyOf(out);
    }

    /** Fills a context step by step. */
    public static final class Builder {
        private final Instant now;
        private Instant monitoringStart;
        private final Map<String, List<Reading>> readings = new HashMap<>();
        private final Map<String, List<AssessmentResult>> assessments = new HashMap<>();
        private final List<DoseEvent> doses = new ArrayList<>();
        private final Map<String, BigDecimal> overrides = new HashMap<>();

        private Builder(Instant now) {
            this.now = now;
        }

        public Builder monitoringSince(Instant start) {
            this.monitoringStart = start;
            return this;
        }

        public Builder reading(String metric, Instant at, BigDecimal value) {
            readings.computeIfAbsent(metric, k -> new ArrayList<>()).add(new Reading(at, value));
            return this;
        }

        public Builder reading(String metric, Instant at, String value) {
            return reading(metric, at, new BigDecimal(value));
        }

        public Builder assessment(String template, AssessmentResult result) {
            assessments.computeIfAbsent(template, k -> new ArrayList<>()).add(result);
            return this;
        }

        public Builder dose(Instant at, boolean taken) {
            doses.add(new DoseEvent(at, taken));
            return this;
        }

        public Builder override(String key, BigDecimal value) {
            overrides.put(key, value);
            return this;
        }

        public EvaluationContext build() {
            return new EvaluationContext(now, monitoringStart, readings, assessments, doses, overrides);
        }
    }
}
