package org.vigil.library.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.library.rules.Fixtures.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThresholdRuleTest {

    private static String rule(String op, String value) {
        return """
                {"type": "threshold", "metric": "bp_systolic", "op": "%s", "value": %s}""".formatted(op, value);
    }

    private static boolean latestIs(String reading, String op) {
        EvaluationContext ctx = context().reading("bp_systolic", hoursAgo(1), reading).build();
        return fires(rule(op, "180"), ctx);
    }

    @ParameterizedTest(name = "{1} {0} 180 → {2}")
    @CsvSource({
            "gt,  179, false", "gt,  180, false", "gt,  181, true",
            "gte, 179, false", "gte, 180, true",  "gte, 181, true",
            "lt,  179, true",  "lt,  180, false", "lt,  181, false",
            "lte, 179, true",  "lte, 180, true",  "lte, 181, false",
            "eq,  179, false", "eq,  180, true",  "eq,  181, false",
            "neq, 179, true",  "neq, 180, false", "neq, 181, true"})
    void everyOperatorAtItsBoundary(String op, String reading, boolean expected) {
        assertThat(latestIs(reading, op)).isEqualTo(expected);
    }

    @Test
    void decimalsAreExactAndScaleDoesNotMatter() {
        assertThat(latestIs("180.0", "gte")).isTrue();
        assertThat(latestIs("179.99", "gte")).isFalse();
        assertThat(latestIs("180.000", "eq")).isTrue();
    }

    @Test
    void onlyTheLatestReadingCounts() {
        EvaluationContext ctx = context()
                .reading("bp_systolic", hoursAgo(2), "190")
                .reading("bp_systolic", hoursAgo(1), "150")
                .build();
        assertThat(fires(rule("gte", "180"), ctx)).isFalse();
    }

    @Test
    void readingsOrderedByTimeNotByArrival() {
        EvaluationContext ctx = context()
                .reading("bp_systolic", hoursAgo(1), "190")
                .reading("bp_systolic", hoursAgo(2), "150") // a late upload of an older reading
                .build();
        assertThat(fires(rule("gte", "180"), ctx)).isTrue();
    }

    @Test
    void readingsAfterNowAreIgnored() {
        EvaluationContext ctx = context().reading("bp_systolic", NOW.plusSeconds(1), "200").build();
        assertThat(fires(rule("gte", "180"), ctx)).isFalse();
        EvaluationContext atNow = context().reading("bp_systolic", NOW, "200").build();
        assertThat(fires(rule("gte", "180"), atNow)).isTrue();
    }

    @Test
    void noReadingIsNotAnAlert() {
        assertThat(fires(rule("lt", "90"), context().build())).isFalse();
        EvaluationContext otherMetric = context().reading("bp_diastolic", hoursAgo(1), "80").build();
        assertThat(fires(rule("lt", "90"), otherMetric)).isFalse();
    }

    @Test
    void freshnessWindowEdges() {
        String json = """
                {"type": "threshold", "metric": "bp_systolic", "op": "gte", "value": 180, "window": {"hours": 24}}""";
        EvaluationContext atStart = context().reading("bp_systolic", hoursAgo(24), "190").build();
        EvaluationContext justInside = context()
                .reading("bp_systolic", hoursAgo(24).plusSeconds(1), "190").build();
        assertThat(fires(json, atStart)).as("a reading exactly 24 h old is outside (now−24h, now]").isFalse();
        assertThat(fires(json, justInside)).isTrue();
    }

    @Test
    void perPatientOverrideReplacesTheDefault() {
        String json = rule("gte", """
                {"override": "sbp_high", "default": 180}""");
        EvaluationContext noOverride = context().reading("bp_systolic", hoursAgo(1), "170").build();
        EvaluationContext lowered = context().reading("bp_systolic", hoursAgo(1), "170")
                .override("sbp_high", dec("170")).build();
        EvaluationContext loweredOneAbove = context().reading("bp_systolic", hoursAgo(1), "169")
                .override("sbp_high", dec("170")).build();
        EvaluationContext otherKey = context().reading("bp_systolic", hoursAgo(1), "170")
                .override("dbp_high", dec("100")).build();

        assertThat(fires(json, noOverride)).isFalse();
        assertThat(judge(json, lowered).evidence()).singleElement()
                .satisfies(e -> assertThat(e.overrideKey()).isEqualTo("sbp_high"))
                .satisfies(e -> assertThat(e.toString()).isEqualTo("bp_systolic 170 ≥ 170 (patient threshold sbp_high)"));
        assertThat(fires(json, loweredOneAbove)).isFalse();
        assertThat(fires(json, otherKey)).isFalse();
    }

    @Test
    void evidenceNamesValueThresholdAndLabel() {
        String json = """
                {"type": "threshold", "metric": "bp_systolic", "op": "gte", "value": 180, "label": "hypertensive crisis"}""";
        EvaluationContext ctx = context().reading("bp_systolic", hoursAgo(1), "182").build();
        Evaluation e = judge(json, ctx);
        assertThat(e.triggered()).isTrue();
        Evidence ev = e.evidence().get(0);
        assertThat(ev.at()).isEqualTo(hoursAgo(1));
        assertThat(ev.describe(names())).isEqualTo("Systolic blood pressure 182 mmHg ≥ 180 (hypertensive crisis)");
    }

    static Evidence.MetricNames names() {
        return new Evidence.MetricNames() {
            @Override
            public String displayName(String key) {
                return switch (key) {
                    case "bp_systolic" -> "Systolic blood pressure";
                    case "bp_diastolic" -> "Diastolic blood pressure";
                    default -> key;
                };
            }

            @Override
            public String unit(String key) {
                return key.startsWith("bp_") ? "mmHg" : null;
            }
        };
    }
}
