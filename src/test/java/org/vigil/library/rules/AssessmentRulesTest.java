package org.vigil.library.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.library.rules.Fixtures.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.library.AlertSeverity;

class AssessmentRulesTest {

    private static AssessmentResult phq9(Instant at, int total, int item9) {
        return new AssessmentResult(at, BigDecimal.valueOf(total), Map.of("phq9_item9", BigDecimal.valueOf(item9)));
    }

    @ParameterizedTest(name = "PHQ-9 {0} {1} 20 → {2}")
    @CsvSource({"19, gte, false", "20, gte, true", "21, gte, true", "19, lt, true", "20, lt, false", "21, lt, false"})
    void totalScoreAtTheSevereBand(int total, String op, boolean expected) {
        // PHQ-9 20–27 = severe (Kroenke 2001)
        String json = """
                {"type": "assessment_score", "template": "phq9", "op": "%s", "value": 20}""".formatted(op);
        EvaluationContext ctx = context().assessment("phq9", phq9(hoursAgo(1), total, 0)).build();
        assertThat(fires(json, ctx)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "item 9 = {0} → {1}")
    @CsvSource({"0, false", "1, true", "3, true"})
    void phq9Item9AboveZero(int answer, boolean expected) {
        String json = """
                {"type": "assessment_item", "template": "phq9", "item": "phq9_item9", "op": "gt", "value": 0}""";
        EvaluationContext ctx = context().assessment("phq9", phq9(hoursAgo(1), 5, answer)).build();
        assertThat(fires(json, ctx)).isEqualTo(expected);
    }

    @Test
    void onlyTheMostRecentAssessmentCounts() {
        String json = """
                {"type": "assessment_item", "template": "phq9", "item": "phq9_item9", "op": "gt", "value": 0}""";
        EvaluationContext ctx = context()
                .assessment("phq9", phq9(hoursAgo(1), 4, 0))
                .assessment("phq9", phq9(hoursAgo(200), 22, 2))
                .build();
        assertThat(fires(json, ctx)).isFalse();
    }

    @Test
    void unansweredItemAndOtherTemplatesDoNotCount() {
        String json = """
                {"type": "assessment_item", "template": "phq9", "item": "phq9_item9", "op": "gte", "value": 0}""";
        EvaluationContext unanswered = context()
                .assessment("phq9", new AssessmentResult(hoursAgo(1), BigDecimal.TEN, Map.of())).build();
        EvaluationContext otherTemplate = context().assessment("gad7", phq9(hoursAgo(1), 10, 3)).build();
        assertThat(fires(json, unanswered)).isFalse();
        assertThat(fires(json, otherTemplate)).isFalse();
    }

    @Test
    void windowEdgesForAssessments() {
        String json = """
                {"type": "assessment_score", "template": "gad7", "op": "gte", "value": 15, "window": {"days": 14}}""";
        AssessmentResult atStart = new AssessmentResult(hoursAgo(14 * 24), BigDecimal.valueOf(16), Map.of());
        AssessmentResult inside = new AssessmentResult(hoursAgo(14 * 24).plusSeconds(1), BigDecimal.valueOf(16), Map.of());
        assertThat(fires(json, context().assessment("gad7", atStart).build())).isFalse();
        assertThat(fires(json, context().assessment("gad7", inside).build())).isTrue();
    }

    @Test
    void unscoredAssessmentHasNoScore() {
        String json = """
                {"type": "assessment_score", "template": "symptoms", "op": "gte", "value": 0}""";
        EvaluationContext ctx = context().assessment("symptoms", new AssessmentResult(hoursAgo(1), null, Map.of())).build();
        assertThat(fires(json, ctx)).isFalse();
    }

    @Test
    void flagRuleIsTheSameTestAsAnAssessmentItem() {
        FlagRule flag = ConditionParser.parseFlagRule("""
                {"op": "gt", "value": 0, "severity": "CRITICAL", "label": "thoughts of self-harm"}""");
        assertThat(flag.severity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(flag.matches(BigDecimal.ZERO)).isFalse();
        assertThat(flag.matches(BigDecimal.ONE)).isTrue();

        Condition asCondition = flag.toCondition("phq9", "phq9_item9");
        EvaluationContext ctx = context().assessment("phq9", phq9(hoursAgo(1), 6, 1)).build();
        Evaluation e = RuleEvaluator.evaluate(asCondition, ctx);
        assertThat(e.triggered()).isTrue();
        assertThat(e.evidence().get(0).toString()).isEqualTo("phq9_item9, answer in phq9: 1 > 0 (thoughts of self-harm)");
        assertThat(ConditionParser.parseFlagRule(ConditionWriter.toJson(flag))).isEqualTo(flag);
    }
}
