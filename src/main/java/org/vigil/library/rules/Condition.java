package org.vigil.library.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One node of an alert rule's condition tree, as documented in {@code docs/condition-language.md}.
 * Build it with {@link ConditionParser} (which validates) or directly; print it with
 * {@link ConditionWriter}; evaluate it with {@link RuleEvaluator}.
 *
 * <p>Every leaf is false when it has no data to judge (no reading in the window, no assessment,
 * too few readings, no dose events) — except {@link MissingData}, whose whole point is the
 * absence of data. There is deliberately no {@code not}: negating a leaf that is false for want of
 * data would fire on absence of data; use {@code neq}, a range's {@code outside} or
 * {@code missing_data} instead.
 *
 * <p>{@code label} (optional on every leaf) is a short clinical name carried into the evidence,
 * e.g. "hypertensive crisis".
 */
public sealed interface Condition {

    /** All metric keys named anywhere in the tree (readings and assessment items), sorted. */
    default SortedSet<String> referencedMetrics() {
        SortedSet<String> keys = new TreeSet<>();
        leaves().forEach(leaf -> {
            if (leaf instanceof ReadingCondition r) {
                keys.add(r.metric());
            } else if (leaf instanceof AssessmentItem i) {
                keys.add(i.item());
            }
        });
        return keys;
    }

    /** All assessment template keys named anywhere in the tree, sorted. */
    default SortedSet<String> referencedTemplates() {
        SortedSet<String> keys = new TreeSet<>();
        leaves().forEach(leaf -> {
            if (leaf instanceof AssessmentScore s) {
                keys.add(s.template());
            } else if (leaf instanceof AssessmentItem i) {
                keys.add(i.template());
            }
        });
        return keys;
    }

    /** All per-patient override keys the tree may consult, sorted. */
    default SortedSet<String> referencedOverrides() {
        SortedSet<String> keys = new TreeSet<>();
        leaves().flatMap(Condition::thresholds)
                .filter(ThresholdValue::isOverridable)
                .forEach(v -> keys.add(v.overrideKey()));
        return keys;
    }

    /** The leaves of the tree, depth first. */
    default Stream<Condition> leaves() {
        if (this instanceof All a) {
            return a.conditions().stream().flatMap(Condition::leaves);
        }
        if (this instanceof Any a) {
            return a.conditions().stream().flatMap(Condition::leaves);
        }
        return Stream.of(this);
    }

    /** The thresholds a leaf compares with (two for a range, none for missing data). */
    private static Stream<ThresholdValue> thresholds(Condition leaf) {
        if (leaf instanceof Threshold t) {
            return Stream.of(t.value());
        } else if (leaf instanceof Range r) {
            return Stream.of(r.min(), r.max());
        } else if (leaf instanceof Aggregate a) {
            return Stream.of(a.value());
        } else if (leaf instanceof Trend t) {
            return Stream.of(t.value());
        } else if (leaf instanceof Consecutive c) {
            return Stream.of(c.value());
        } else if (leaf instanceof AssessmentScore s) {
            return Stream.of(s.value());
        } else if (leaf instanceof AssessmentItem i) {
            return Stream.of(i.value());
        } else if (leaf instanceof Adherence a) {
            return Stream.of(a.value());
        }
        return Stream.empty();
    }

    /** A leaf about the readings of one metric. */
    sealed interface ReadingCondition extends Condition {
        String metric();
    }

    /** True when every child is true. JSON: {@code {"all": [ ... ]}}. */
    record All(List<Condition> conditions) implements Condition {
        public All {
            conditions = List.copyOf(conditions);
        }
    }

    /** True when at least one child is true. JSON: {@code {"any": [ ... ]}}. */
    record Any(List<Condition> conditions) implements Condition {
        public Any {
            conditions = List.copyOf(conditions);
        }
    }

    /**
     * The latest reading of {@code metric} compared with {@code value}. With a {@code window}, the
     * latest reading must lie in it (otherwise false).
     */
    record Threshold(String metric, Op op, ThresholdValue value, Window.Timed window, String label)
            implements ReadingCondition {
        public Threshold {
            Objects.requireNonNull(metric);
            Objects.requireNonNull(op);
            Objects.requireNonNull(value);
        }
    }

    /**
     * The latest reading inside {@code [min, max]} (both ends included) or outside it (below min or
     * above max). With a {@code window}, the latest reading must lie in it.
     */
    record Range(String metric, Mode mode, ThresholdValue min, ThresholdValue max, Window.Timed window,
                 String label) implements ReadingCondition {
        public Range {
            Objects.requireNonNull(metric);
            Objects.requireNonNull(mode);
            Objects.requireNonNull(min);
            Objects.requireNonNull(max);
        }

        public enum Mode {
            INSIDE, OUTSIDE
        }
    }

    /**
     * An aggregate of the readings in {@code window} compared with {@code value}. At least
     * {@code minReadings} readings must be in the window (a {@code lastReadings: N} window needs
     * all N); {@code count} has no minimum (zero readings count as 0).
     */
    record Aggregate(String metric, Fn fn, Window window, Op op, ThresholdValue value, int minReadings,
                     String label) implements ReadingCondition {
        public Aggregate {
            Objects.requireNonNull(metric);
            Objects.requireNonNull(fn);
            Objects.requireNonNull(window);
            Objects.requireNonNull(op);
            Objects.requireNonNull(value);
        }

        public enum Fn {
            AVG, MIN, MAX, COUNT, SUM
        }
    }

    /**
     * The change from the first to the last reading in {@code window}: absolute
     * ({@code last − first}) or percent ({@code (last − first) / |first| × 100}), signed by
     * {@code direction} (rise: the change; fall: its negation; either: its magnitude), compared with
     * {@code value} (≥ 0). Needs {@code minReadings} (≥ 2) readings; a percent change from a first
     * reading of 0 is undefined and false.
     */
    record Trend(String metric, Window window, Change change, Direction direction, Op op, ThresholdValue value,
                 int minReadings, String label) implements ReadingCondition {
        public Trend {
            Objects.requireNonNull(metric);
            Objects.requireNonNull(window);
            Objects.requireNonNull(change);
            Objects.requireNonNull(direction);
            Objects.requireNonNull(op);
            Objects.requireNonNull(value);
        }

        public enum Change {
            ABSOLUTE, PERCENT
        }

        public enum Direction {
            RISE, FALL, EITHER
        }
    }

    /**
     * The {@code count} most recent readings all satisfy {@code op value}. With a {@code window}, all
     * of them must lie in it.
     */
    record Consecutive(String metric, int count, Op op, ThresholdValue value, Window.Timed window, String label)
            implements ReadingCondition {
        public Consecutive {
            Objects.requireNonNull(metric);
            Objects.requireNonNull(op);
            Objects.requireNonNull(value);
        }
    }

    /**
     * No reading of {@code metric} in {@code window}, counted from the later of the last reading and
     * the start of monitoring (so a patient enrolled an hour ago is not "missing" a day of data).
     */
    record MissingData(String metric, Window.Timed window, String label) implements ReadingCondition {
        public MissingData {
            Objects.requireNonNull(metric);
            Objects.requireNonNull(window);
        }
    }

    /**
     * The score of the most recent completed assessment of {@code template} compared with
     * {@code value}; with a {@code window}, that assessment must lie in it.
     */
    record AssessmentScore(String template, Op op, ThresholdValue value, Window.Timed window, String label)
            implements Condition {
        public AssessmentScore {
            Objects.requireNonNull(template);
            Objects.requireNonNull(op);
            Objects.requireNonNull(value);
        }
    }

    /**
     * One item's answer (the item's metric key; ordinal answers by their score) in the most recent
     * completed assessment of {@code template}; false when that assessment did not answer it.
     */
    record AssessmentItem(String template, String item, Op op, ThresholdValue value, Window.Timed window,
                          String label) implements Condition {
        public AssessmentItem {
            Objects.requireNonNull(template);
            Objects.requireNonNull(item);
            Objects.requireNonNull(op);
            Objects.requireNonNull(value);
        }
    }

    /**
     * Medication adherence over the dose events in {@code window} (every medication of the patient):
     * the number of missed doses, or the percentage of doses taken. Either measure needs at least
     * one dose event in the window: no events means no adherence data, not perfect (or zero)
     * adherence, so the leaf is false.
     */
    record Adherence(Window.Timed window, Measure measure, Op op, ThresholdValue value, String label)
            implements Condition {
        public Adherence {
            Objects.requireNonNull(window);
            Objects.requireNonNull(measure);
            Objects.requireNonNull(op);
            Objects.requireNonNull(value);
        }

        public enum Measure {
            MISSED_DOSES, ADHERENCE_PERCENT
        }
    }

    /** Convenience for tests and code: {@code all(a, b)}. */
    static All all(Condition... conditions) {
        return new All(new ArrayList<>(List.of(conditions)));
    }

    /** Convenience for tests and code: {@code any(a, b)}. */
    static Any any(Condition... conditions) {
        return new Any(new ArrayList<>(List.of(conditions)));
    }
}
