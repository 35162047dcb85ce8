package org.vigil.library.rules;

import java.math.BigDecimal;
import java.util.List;

/** Questionnaire totals and items, judged on the most recent completed assessment of the template. */
final class AssessmentRules {

    private AssessmentRules() {
    }

    static Evidence score(Condition.AssessmentScore s, EvaluationContext ctx) {
        AssessmentResult latest = latest(ctx, s.template(), s.window());
        if (latest == null || latest.score() == null) {
            return null;
        }
        ThresholdValue.Resolved v = s.value().resolve(ctx.overrides());
        if (!s.op().test(latest.score(), v.value())) {
            return null;
        }
        return new Evidence(null, s.template(), "total score", latest.score(), "",
                s.op().symbol() + " " + Evidence.plain(v.value()), v.overrideKey(), latest.completedAt(), s.label());
    }

    static Evidence item(Condition.AssessmentItem i, EvaluationContext ctx) {
        AssessmentResult latest = latest(ctx, i.template(), i.window());
        BigDecimal answer = latest == null ? null : latest.items().get(i.item());
        if (answer == null) {
            return null;
        }
        ThresholdValue.Resolved v = i.value().resolve(ctx.overrides());
        if (!i.op().test(answer, v.value())) {
            return null;
        }
        return new Evidence(i.item(), i.template(), "answer in " + i.template(), answer, "",
                i.op().symbol() + " " + Evidence.plain(v.value()), v.overrideKey(), latest.completedAt(), i.label());
    }

    private static AssessmentResult latest(EvaluationContext ctx, String template, Window.Timed window) {
        List<AssessmentResult> done = ctx.assessmentsOf(template);
        if (done.isEmpty()) {
            return null;
        }
        AssessmentResult latest = done.get(done.size() - 1);
        return window == null || window.contains(latest.completedAt(), ctx.now()) ? latest : null;
    }
}
