package org.vigil.library.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.library.rules.Fixtures.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrendRuleTest {

    private static final String PERCENT = """
            {"type": "trend", "metric": "peak_flow", "window": {"days": 7}, "change": "percent",
             "direction": "%s", "op": "%s", "value": 20}""";

    private static boolean peakFlow(String first, String last, String direction, String op) {
        EvaluationContext ctx = context()
                .reading("peak_flow", hoursAgo(100), first)
                .reading("peak_flow", hoursAgo(50), "999") // a middle reading does not matter
                .reading("peak_flow", hoursAgo(1), last)
                .build();
        return fires(PERCENT.formatted(direction, op), ctx);
    }

    @ParameterizedTest(name = "{0} → {1}, {2} {3} 20% → {4}")
    @CsvSource({
            "400, 319, fall, gte, true",   // −20.25 %
            "400, 320, fall, gte, true",   // exactly −20 %
            "400, 321, fall, gte, false",  // −19.75 %
            "400, 320, fall, gt, false",
            "400, 319, fall, gt, true",
            "400, 480, rise, gte, true",   // exactly +20 %
            "400, 479, rise, gte, false",
            "400, 320, rise, gte, false",  // a fall is not a rise
            "400, 320, either, gte, true",
            "400, 480, either, gte, true",
            "400, 479, either, gte, false"})
    void percentChangeExactlyAtThePercentage(String first, String last, String direction, String op, boolean expected) {
        assertThat(peakFlow(first, last, direction, op)).isEqualTo(expected);
    }

    @Test
    void percentFromThirdsIsExact() {
        // 3 → 4 is +33.333…%; ≥ 33.33 yes, ≥ 33.34 no — no rounding at the boundary
        String json = """
                {"type": "trend", "metric": "pain", "window": {"lastReadings": 2}, "change": "percent",
                 "direction": "rise", "op": "gte", "value": %s}""";
        EvaluationContext ctx = context().reading("pain", hoursAgo(2), "3").reading("pain", hoursAgo(1), "4").build();
        assertThat(fires(json.formatted("33.33"), ctx)).isTrue();
        assertThat(fires(json.formatted("33.34"), ctx)).isFalse();
    }

    @Test
    void percentFromZeroIsUndefined() {
        String json = """
                {"type": "trend", "metric": "pain", "window": {"days": 3}, "change": "percent",
                 "direction": "rise", "op": "gte", "value": 50}""";
        EvaluationContext ctx = context().reading("pain", hoursAgo(20), "0").reading("pain", hoursAgo(1), "8").build();
        assertThat(fires(json, ctx)).isFalse();
    }

    @Test
    void absoluteWeightGainAtTheBoundary() {
        // heart-failure weight gain, e.g. ≥ 2 kg over 3 days
        String json = """
                {"type": "trend", "metric": "body_weight", "window": {"days": 3}, "change": "absolute",
                 "direction": "rise", "op": "gte", "value": 2}""";
        for (String[] c : new String[][] {{"81.9", "false"}, {"82.0", "true"}, {"82.1", "true"}}) {
            EvaluationContext ctx = context().reading("body_weight", hoursAgo(70), "80.0")
                    .reading("body_weight", hoursAgo(1), c[0]).build();
            assertThat(fires(json, ctx)).as("80.0 → " + c[0]).isEqualTo(Boolean.parseBoolean(c[1]));
        }
    }

    @Test
    void firstReadingIsTheFirstInsideTheWindow() {
        String json = """
                {"type": "trend", "metric": "body_weight", "window": {"hours": 72}, "change": "absolute",
                 "direction": "rise", "op": "gte", "value": 2}""";
        EvaluationContext atStart = context().reading("body_weight", hoursAgo(72), "78")
                .reading("body_weight", hoursAgo(30), "80").reading("body_weight", hoursAgo(1), "81").build();
        EvaluationContext justInside = context().reading("body_weight", hoursAgo(72).plusSeconds(1), "78")
                .reading("body_weight", hoursAgo(30), "80").reading("body_weight", hoursAgo(1), "81").build();
        assertThat(fires(json, atStart)).as("78 at exactly 72 h is outside; 80 → 81 is +1").isFalse();
        assertThat(judge(json, justInside).evidence().get(0).toString())
                .isEqualTo("body_weight, rise from 78 to 81 over 72 h: 3 ≥ 2");
    }

    @Test
    void needsTwoReadingsOrMinReadings() {
        String json = """
                {"type": "trend", "metric": "body_weight", "window": {"days": 3}, "change": "absolute",
                 "direction": "either", "op": "gte", "value": 0, "minReadings": 3}""";
        EvaluationContext two = context().reading("body_weight", hoursAgo(5), "80").reading("body_weight", hoursAgo(1), "85").build();
        EvaluationContext three = context().reading("body_weight", hoursAgo(9), "80").reading("body_weight", hoursAgo(5), "80")
                .reading("body_weight", hoursAgo(1), "85").build();
        assertThat(fires(json, two)).isFalse();
        assertThat(fires(json, three)).isTrue();
        String oneReadingOnly = json.replace(", \"minReadings\": 3", "");
        assertThat(fires(oneReadingOnly, context().reading("body_weight", hoursAgo(1), "85").build())).isFalse();
    }

    @Test
    void percentEvidenceIsRoundedForDisplayOnly() {
        EvaluationContext ctx = context().reading("peak_flow", hoursAgo(100), "300").reading("peak_flow", hoursAgo(1), "200").build();
        assertThat(judge(PERCENT.formatted("fall", "gte"), ctx).evidence().get(0).toString())
                .isEqualTo("peak_flow, fall from 300 to 200 over 7 days: 33.3% ≥ 20%");
    }
}
