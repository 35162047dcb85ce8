package org.vigil.library.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Medication adherence over the dose events in a window: missed doses, or percent taken (compared
 * exactly: {@code taken / total × 100 < v} as {@code taken × 100 < v × total}).
 */
final class AdherenceRule {

    private AdherenceRule() {
    }

    static Evidence adherence(Condition.Adherence a, EvaluationContext ctx) {
        List<DoseEvent> in = ctx.dosesUpToNow().stream()
                .filter(d -> a.window().contains(d.at(), ctx.now()))
                .toList();
        if (in.isEmpty()) {
            return null; // no dose events: adherence is unknown, not perfect
        }
        long taken = in.stream().filter(DoseEvent::taken).count();
        long total = in.size();
        ThresholdValue.Resolved v = a.value().resolve(ctx.overrides());
        BigDecimal observed;
        boolean holds;
        String measure;
        String unit;
        if (a.measure() == Condition.Adherence.Measure.MISSED_DOSES) {
            observed = BigDecimal.valueOf(total - taken);
            holds = a.op().test(observed, v.value());
            measure = "missed doses of " + total + " over " + a.window().describe();
            unit = "";
        } else {
            BigDecimal takenTimes100 = BigDecimal.valueOf(taken * 100);
            holds = a.op().test(takenTimes100, v.value().multiply(BigDecimal.valueOf(total)));
            observed = takenTimes100.divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
            measure = taken + " of " + total + " doses taken over " + a.window().describe();
            unit = "%";
        }
        if (!holds) {
            return null;
        }
        return new Evidence(null, "Medication adherence", measure, observed, unit,
                a.op().symbol() + " " + Evidence.plain(v.value()) + unit, v.overrideKey(),
                in.get(in.size() - 1).at(), a.label());
    }
}
