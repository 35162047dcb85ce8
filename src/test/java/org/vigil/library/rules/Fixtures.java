package org.vigil.library.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** Shared instants and a terse way to judge a rule written as JSON. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
    static final Instant ENROLLED = Instant.parse("2025-01-01T00:00:00Z");

    private Fixtures() {
    }

    static Instant ago(Duration d) {
        return NOW.minus(d);
    }

    static Instant hoursAgo(long h) {
        return NOW.minus(Duration.ofHours(h));
    }

    static EvaluationContext.Builder context() {
        return EvaluationContext.at(NOW).monitoringSince(ENROLLED);
    }

    static Evaluation judge(String json, EvaluationContext ctx) {
        return RuleEvaluator.evaluate(ConditionParser.parse(json), ctx);
    }

    static boolean fires(String json, EvaluationContext ctx) {
        return judge(json, ctx).triggered();
    }

    static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }
}
