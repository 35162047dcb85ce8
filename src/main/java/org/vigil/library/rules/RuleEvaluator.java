package org.vigil.library.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Judges a {@link Condition} for one patient at one instant. Pure: the same condition and context
 * always give the same {@link Evaluation}; no clock, no I/O. Comparisons are exact (BigDecimal),
 * so a value equal to a threshold is judged exactly, and averages and percentages are compared
 * without rounding ({@code avg ≥ v} as {@code sum ≥ v × n}).
 */
public final class RuleEvaluator {

    private RuleEvaluator() {
    }

    public static Evaluation evaluate(Condition condition, EvaluationContext context) {
        if (condition instanceof Condition.All all) {
            List<Evidence> evidence = new ArrayList<>();
            for (Condition c : all.conditions()) {
                Evaluation e = evaluate(c, context);
                if (!e.triggered()) {
                    return Evaluation.FALSE;
                }
                evidence.addAll(e.evidence());
            }
            return new Evaluation(true, evidence);
        }
        if (condition instanceof Condition.Any any) {
            // every child is judged, so that the message names every crossing (SBP and DBP)
            List<Evidence> evidence = new ArrayList<>();
            boolean triggered = false;
            for (Condition c : any.conditions()) {
                Evaluation e = evaluate(c, context);
                triggered |= e.triggered();
                evidence.addAll(e.evidence());
            }
            return triggered ? new Evaluation(true, evidence) : Evaluation.FALSE;
        }
        return Evaluation.of(leaf(condition, context));
    }

    private static Evidence leaf(Condition c, EvaluationContext ctx) {
        if (c instanceof Condition.Threshold t) {
            return ReadingRules.threshold(t, ctx);
        } else if (c instanceof Condition.Range r) {
            return ReadingRules.range(r, ctx);
        } else if (c instanceof Condition.Aggregate a) {
            return ReadingRules.aggregate(a, ctx);
        } else if (c instanceof Condition.Trend t) {
            return TrendRule.trend(t, ctx);
        } else if (c instanceof Condition.Consecutive k) {
            return ReadingRules.consecutive(k, ctx);
        } else if (c instanceof Condition.MissingData m) {
            return ReadingRules.missingData(m, ctx);
        } else if (c instanceof Condition.AssessmentScore s) {
            return AssessmentRules.score(s, ctx);
        } else if (c instanceof Condition.AssessmentItem i) {
            return AssessmentRules.item(i, ctx);
        } else if (c instanceof Condition.Adherence a) {
            return AdherenceRule.adherence(a, ctx);
        }
        throw new IllegalArgumentException("unknown condition " + c);
    }
}
