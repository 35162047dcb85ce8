package org.vigil.library.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A trend: the change from the first to the last reading in the window. Percent changes are
 * compared exactly: {@code change / |first| × 100 ≥ v} as {@code change × 100 ≥ v × |first|}, so a
 * change of exactly the percentage is equal to it.
 */
final class TrendRule {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private TrendRule() {
    }

    static Evidence trend(Condition.Trend t, EvaluationContext ctx) {
        List<Reading> in = Windows.select(t.window(), ctx.readingsOf(t.metric()), ctx.now());
        if (in.size() < t.minReadings()) {
            return null;
        }
        Reading first = in.get(0);
        Reading last = in.get(in.size() - 1);
        BigDecimal delta = last.value().subtract(first.value());
        BigDecimal signed = switch (t.direction()) {
            case RISE -> delta;
            case FALL -> delta.negate();
            case EITHER -> delta.abs();
        };
        ThresholdValue.Resolved v = t.value().resolve(ctx.overrides());
        BigDecimal observed;
        boolean holds;
        if (t.change() == Condition.Trend.Change.ABSOLUTE) {
            observed = signed;
            holds = t.op().test(signed, v.value());
        } else {
            BigDecimal base = first.value().abs();
            if (base.signum() == 0) {
                return null; // a percent change from 0 is undefined
            }
            holds = t.op().test(signed.multiply(HUNDRED), v.value().multiply(base));
            observed = signed.multiply(HUNDRED).divide(base, 1, RoundingMode.HALF_UP);
        }
        if (!holds) {
            return null;
        }
        String word = switch (t.direction()) {
            case RISE -> "rise";
            case FALL -> "fall";
            case EITHER -> "change";
        };
        String measure = word + " from " + Evidence.plain(first.value()) + " to " + Evidence.plain(last.value())
                + " over " + (t.window() instanceof Window.Timed w ? w.describe() : t.window().describe());
        return new Evidence(t.metric(), null, measure, observed,
                t.change() == Condition.Trend.Change.PERCENT ? "%" : null,
                t.op().symbol() + " " + Evidence.plain(v.value())
                        + (t.change() == Condition.Trend.Change.PERCENT ? "%" : ""),
                v.overrideKey(), last.recordedAt(), t.label());
    }
}
