package org.vigil.library.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.library.rules.Fixtures.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompositeRuleTest {

    /** ACC/AHA 2017 (Whelton et al., Hypertension 2018;71:e13): hypertensive crisis SBP > 180 and/or DBP > 120;
     *  Vigil's standard alert uses ≥ as the predecessor and the issue specify. */
    static final String HYPERTENSIVE_CRISIS = """
            {"any": [
              {"type": "threshold", "metric": "bp_systolic", "op": "gte", "value": 180, "label": "hypertensive crisis"},
              {"type": "threshold", "metric": "bp_diastolic", "op": "gte", "value": 120, "label": "hypertensive crisis"}
            ]}""";

    private static EvaluationContext bp(String sbp, String dbp) {
        return context().reading("bp_systolic", hoursAgo(1), sbp).reading("bp_diastolic", hoursAgo(1), dbp).build();
    }

    @ParameterizedTest(name = "{0}/{1} → {2}")
    @CsvSource({
            "179, 119, false", "180, 119, true", "181, 119, true",
            "179, 120, true",  "179, 121, true", "180, 120, true", "150, 90, false"})
    void hypertensiveCrisisEitherPanelMember(String sbp, String dbp, boolean expected) {
        assertThat(fires(HYPERTENSIVE_CRISIS, bp(sbp, dbp))).isEqualTo(expected);
    }

    @Test
    void anyReportsEveryCrossing() {
        Evaluation e = judge(HYPERTENSIVE_CRISIS, bp("182", "121"));
        assertThat(e.evidence()).extracting(ev -> ev.describe(ThresholdRuleTest.names())).containsExactly(
                "Systolic blood pressure 182 mmHg ≥ 180 (hypertensive crisis)",
                "Diastolic blood pressure 121 mmHg ≥ 120 (hypertensive crisis)");
        assertThat(judge(HYPERTENSIVE_CRISIS, bp("182", "90")).evidence()).hasSize(1);
    }

    @Test
    void allNeedsEveryChild() {
        // uncontrolled hypertension pattern: 7-day averages SBP > 140 and DBP > 90 with ≥ 4 readings
        String json = """
                {"all": [
                  {"type": "aggregate", "metric": "bp_systolic", "fn": "avg", "window": {"days": 7}, "minReadings": 4, "op": "gt", "value": 140},
                  {"type": "aggregate", "metric": "bp_diastolic", "fn": "avg", "window": {"days": 7}, "minReadings": 4, "op": "gt", "value": 90}
                ]}""";
        EvaluationContext.Builder both = context();
        EvaluationContext.Builder sbpOnly = context();
        for (int i = 1; i <= 4; i++) {
            both.reading("bp_systolic", hoursAgo(i * 24), "141").reading("bp_diastolic", hoursAgo(i * 24), "91");
            sbpOnly.reading("bp_systolic", hoursAgo(i * 24), "141").reading("bp_diastolic", hoursAgo(i * 24), "90");
        }
        Evaluation e = judge(json, both.build());
        assertThat(e.triggered()).isTrue();
        assertThat(e.evidence()).hasSize(2);
        Evaluation no = judge(json, sbpOnly.build());
        assertThat(no.triggered()).isFalse();
        assertThat(no.evidence()).isEmpty();
    }

    @Test
    void nesting() {
        // COPD exacerbation warning: peak flow falls ≥ 20 % in 7 days, or SpO2 < 90 on 2 consecutive readings;
        // and in either case the patient is not silent
        String json = """
                {"all": [
                  {"any": [
                    {"type": "trend", "metric": "peak_flow", "window": {"days": 7}, "change": "percent", "direction": "fall", "op": "gte", "value": 20},
                    {"type": "consecutive", "metric": "spo2", "count": 2, "op": "lt", "value": 90}
                  ]},
                  {"type": "aggregate", "metric": "spo2", "fn": "count", "window": {"days": 1}, "op": "gte", "value": 1}
                ]}""";
        EvaluationContext spo2Low = context().reading("spo2", hoursAgo(3), "89").reading("spo2", hoursAgo(1), "88").build();
        EvaluationContext spo2Borderline = context().reading("spo2", hoursAgo(3), "90").reading("spo2", hoursAgo(1), "88").build();
        EvaluationContext peakFlowFall = context().reading("peak_flow", hoursAgo(100), "400").reading("peak_flow", hoursAgo(2), "320")
                .reading("spo2", hoursAgo(1), "95").build();
        assertThat(fires(json, spo2Low)).isTrue();
        assertThat(fires(json, spo2Borderline)).isFalse();
        assertThat(fires(json, peakFlowFall)).isTrue();
        assertThat(judge(json, peakFlowFall).evidence()).hasSize(2);
    }

    @Test
    void referencedNames() {
        Condition c = ConditionParser.parse("""
                {"all": [
                  {"any": [
                    {"type": "threshold", "metric": "bp_systolic", "op": "gte", "value": {"override": "sbp_high", "default": 180}},
                    {"type": "assessment_item", "template": "phq9", "item": "phq9_item9", "op": "gt", "value": 0}
                  ]},
                  {"type": "range", "metric": "heart_rate", "mode": "outside", "min": {"override": "hr_low", "default": 50}, "max": 120},
                  {"type": "assessment_score", "template": "gad7", "op": "gte", "value": 15},
                  {"type": "adherence", "window": {"days": 7}, "measure": "missed_doses", "op": "gte", "value": 2}
                ]}""");
        assertThat(c.referencedMetrics()).containsExactly("bp_systolic", "heart_rate", "phq9_item9");
        assertThat(c.referencedTemplates()).containsExactly("gad7", "phq9");
        assertThat(c.referencedOverrides()).containsExactly("hr_low", "sbp_high");
    }
}
