package org.vigil.library.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** The leaves about one metric's readings, except trends ({@link TrendRule}). */
final class ReadingRules {

    private ReadingRules() {
    }

    static Evidence threshold(Condition.Threshold t, EvaluationContext ctx) {
        Reading latest = Windows.latest(ctx.readingsOf(t.metric()), t.window(), ctx.now());
        if (latest == null) {
            return null;
        }
        ThresholdValue.Resolved v = t.value().resolve(ctx.overrides());
        if (!t.op().test(latest.value(), v.value())) {
            return null;
        }
        return new Evidence(t.metric(), null, "", latest.value(), null,
                t.op().symbol() + " " + Evidence.plain(v.value()), v.overrideKey(), latest.recordedAt(), t.label());
    }

    static Evidence range(Condition.Range r, EvaluationContext ctx) {
        Reading latest = Windows.latest(ctx.readingsOf(r.metric()), r.window(), ctx.now());
        if (latest == null) {
            return null;
        }
        ThresholdValue.Resolved min = r.min().resolve(ctx.overrides());
        ThresholdValue.Resolved max = r.max().resolve(ctx.overrides());
        if (min.value().compareTo(max.value()) > 0) {
            throw new IllegalStateException("range of " + r.metric() + ": min " + Evidence.plain(min.value())
                    + " exceeds max " + Evidence.plain(max.value()) + " after the patient's overrides "
                    + ctx.overrides().keySet() + "; fix the overrides");
        }
        boolean inside = latest.value().compareTo(min.value()) >= 0 && latest.value().compareTo(max.value()) <= 0;
        if (inside != (r.mode() == Condition.Range.Mode.INSIDE)) {
            return null;
        }
        String overrideKey = min.overrideKey() != null ? min.overrideKey() : max.overrideKey();
        return new Evidence(r.metric(), null, "", latest.value(), null,
                (inside ? "inside " : "outside ") + Evidence.plain(min.value()) + "–" + Evidence.plain(max.value()),
                overrideKey, latest.recordedAt(), r.label());
    }

    static Evidence aggregate(Condition.Aggregate a, EvaluationContext ctx) {
        List<Reading> in = Windows.select(a.window(), ctx.readingsOf(a.metric()), ctx.now());
        int n = in.size();
        if (n < a.minReadings()) {
            return null;
        }
        ThresholdValue.Resolved v = a.value().resolve(ctx.overrides());
        BigDecimal observed;
        boolean holds;
        switch (a.fn()) {
            case COUNT -> {
                observed = BigDecimal.valueOf(n);
                holds = a.op().test(observed, v.value());
            }
            case SUM -> {
                observed = sum(in);
                holds = a.op().test(observed, v.value());
            }
            case MIN -> {
                observed = in.stream().map(Reading::value).min(BigDecimal::compareTo).orElseThrow();
                holds = a.op().test(observed, v.value());
            }
            case MAX -> {
                observed = in.stream().map(Reading::value).max(BigDecimal::compareTo).orElseThrow();
                holds = a.op().test(observed, v.value());
            }
            case AVG -> {
                BigDecimal sum = sum(in);
                // exact: avg op v  ⇔  sum op v·n  (n > 0)
                holds = a.op().test(sum, v.value().multiply(BigDecimal.valueOf(n)));
                observed = sum.divide(BigDecimal.valueOf(n), new MathContext(34)).setScale(2, RoundingMode.HALF_UP);
            }
            default -> throw new IllegalStateException(a.fn().toString());
        }
        if (!holds) {
            return null;
        }
        String measure = switch (a.fn()) {
            case AVG -> "average of " + n + (n == 1 ? " reading" : " readings");
            case MIN -> "lowest of " + n + (n == 1 ? " reading" : " readings");
            case MAX -> "highest of " + n + (n == 1 ? " reading" : " readings");
            case SUM -> "total of " + n + (n == 1 ? " reading" : " readings");
            case COUNT -> "number of readings";
        } + (a.window() instanceof Window.Timed t ? " over " + t.describe() : "");
        Instant at = in.isEmpty() ? null : in.get(n - 1).recordedAt();
        return new Evidence(a.metric(), null, measure, observed, a.fn() == Condition.Aggregate.Fn.COUNT ? "" : null,
                a.op().symbol() + " " + Evidence.plain(v.value()), v.overrideKey(), at, a.label());
    }

    static Evidence consecutive(Condition.Consecutive c, EvaluationContext ctx) {
        List<Reading> upToNow = ctx.readingsOf(c.metric());
        if (upToNow.size() < c.count()) {
            return null;
        }
        List<Reading> last = upToNow.subList(upToNow.size() - c.count(), upToNow.size());
        if (c.window() != null && !c.window().contains(last.get(0).recordedAt(), ctx.now())) {
            return null;
        }
        ThresholdValue.Resolved v = c.value().resolve(ctx.overrides());
        if (!last.stream().allMatch(r -> c.op().test(r.value(), v.value()))) {
            return null;
        }
        String values = last.stream().map(r -> Evidence.plain(r.value())).collect(Collectors.joining(", "));
        String within = c.window() == null ? "" : " " + Windows.within(c.window());
        return new Evidence(c.metric(), null, c.count() + " consecutive readings" + within + " (" + values + ")",
                null, null, "all " + c.op().symbol() + " " + Evidence.plain(v.value()), v.overrideKey(),
                last.get(last.size() - 1).recordedAt(), c.label());
    }

    static Evidence missingData(Condition.MissingData m, EvaluationContext ctx) {
        List<Reading> upToNow = ctx.readingsOf(m.metric());
        Instant last = upToNow.isEmpty() ? null : upToNow.get(upToNow.size() - 1).recordedAt();
        Instant start = ctx.monitoringStart();
        if (last == null && start == null) {
            throw new IllegalStateException("missing_data of " + m.metric()
                    + ": the patient has no reading and the context has no monitoringStart");
        }
        Instant since = last == null ? start : start == null || last.isAfter(start) ? last : start;
        if (since.isAfter(ctx.now())) {
            return null; // monitoring has not begun
        }
        // missing when nothing lies in (now − d, now]: the silence has lasted at least d
        Duration silence = Duration.between(since, ctx.now());
        if (silence.compareTo(m.window().duration()) < 0) {
            return null;
        }
        BigDecimal hours = BigDecimal.valueOf(silence.toSeconds())
                .divide(BigDecimal.valueOf(3600), 1, RoundingMode.DOWN);
        String measure = since.equals(last) ? "no reading since " + last
                : "no reading since monitoring began at " + since;
        return new Evidence(m.metric(), null, measure, hours, "h",
                "≥ " + m.window().describe(), null, last, m.label());
    }

    private static BigDecimal sum(List<Reading> readings) {
        return readings.stream().map(Reading::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
