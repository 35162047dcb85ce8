package org.vigil.library.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.library.rules.Fixtures.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AggregateRuleTest {

    private static final String AVG_24H = """
            {"type": "aggregate", "metric": "glucose", "fn": "avg", "window": {"hours": 24}, "op": "%s", "value": 180}""";

    @ParameterizedTest(name = "avg of 170 and {0} {1} 180 → {2}")
    @CsvSource({
            "188, gte, false", "190, gte, true", "192, gte, true",
            "188, gt, false",  "190, gt, false", "192, gt, true",
            "188, lt, true",   "190, lt, false", "192, lt, false",
            "188, lte, true",  "190, lte, true", "192, lte, false",
            "188, eq, false",  "190, eq, true",  "192, eq, false"})
    void averageAtItsBoundary(String second, String op, boolean expected) {
        EvaluationContext ctx = context()
                .reading("glucose", hoursAgo(5), "170")
                .reading("glucose", hoursAgo(1), second)
                .build();
        assertThat(fires(AVG_24H.formatted(op), ctx)).isEqualTo(expected);
    }

    @Test
    void averageComparedWithoutRounding() {
        // (180 + 180 + 181) / 3 = 180.333…; (179 + 180 + 181)/3 = 180 exactly; thirds never round into equality
        EvaluationContext exact = context().reading("glucose", hoursAgo(3), "179")
                .reading("glucose", hoursAgo(2), "180").reading("glucose", hoursAgo(1), "181").build();
        EvaluationContext thirds = context().reading("glucose", hoursAgo(3), "180")
                .reading("glucose", hoursAgo(2), "180").reading("glucose", hoursAgo(1), "180.000001").build();
        assertThat(fires(AVG_24H.formatted("eq"), exact)).isTrue();
        assertThat(fires(AVG_24H.formatted("eq"), thirds)).isFalse();
        assertThat(fires(AVG_24H.formatted("gt"), thirds)).isTrue();
    }

    @Test
    void timeWindowEdges() {
        String json = AVG_24H.formatted("gte");
        EvaluationContext atStart = context()
                .reading("glucose", hoursAgo(24), "400") // exactly 24 h old: outside
                .reading("glucose", hoursAgo(1), "100")
                .build();
        EvaluationContext justInside = context()
                .reading("glucose", hoursAgo(24).plusSeconds(1), "400")
                .reading("glucose", hoursAgo(1), "100")
                .build();
        assertThat(fires(json, atStart)).isFalse();
        assertThat(judge(json, justInside).evidence().get(0).toString())
                .isEqualTo("glucose, average of 2 readings over 24 h: 250 ≥ 180");
    }

    @Test
    void daysAreTwentyFourHourBlocks() {
        String json = """
                {"type": "aggregate", "metric": "glucose", "fn": "max", "window": {"days": 7}, "op": "gt", "value": 250}""";
        assertThat(fires(json, context().reading("glucose", hoursAgo(7 * 24), "300").build())).isFalse();
        assertThat(fires(json, context().reading("glucose", hoursAgo(7 * 24).plusSeconds(1), "300").build())).isTrue();
    }

    @Test
    void lastReadingsNeedsAllOfThem() {
        String json = """
                {"type": "aggregate", "metric": "glucose", "fn": "min", "window": {"lastReadings": 3}, "op": "gte", "value": 180}""";
        EvaluationContext two = context().reading("glucose", hoursAgo(2), "200").reading("glucose", hoursAgo(1), "200").build();
        EvaluationContext three = context().reading("glucose", hoursAgo(3), "180")
                .reading("glucose", hoursAgo(2), "200").reading("glucose", hoursAgo(1), "200").build();
        EvaluationContext fourOldLow = context().reading("glucose", hoursAgo(4), "100").reading("glucose", hoursAgo(3), "180")
                .reading("glucose", hoursAgo(2), "200").reading("glucose", hoursAgo(1), "200").build();
        EvaluationContext threeOneLow = context().reading("glucose", hoursAgo(3), "179")
                .reading("glucose", hoursAgo(2), "200").reading("glucose", hoursAgo(1), "200").build();
        assertThat(fires(json, two)).isFalse();
        assertThat(fires(json, three)).isTrue();
        assertThat(fires(json, fourOldLow)).as("the fourth-last reading is outside the window").isTrue();
        assertThat(fires(json, threeOneLow)).isFalse();
    }

    @Test
    void minReadingsGuardsAverageOfTooFewReadings() {
        String json = """
                {"type": "aggregate", "metric": "bp_systolic", "fn": "avg", "window": {"days": 7}, "minReadings": 4,
                 "op": "gt", "value": 140}""";
        EvaluationContext.Builder b = context();
        for (int i = 1; i <= 3; i++) {
            b.reading("bp_systolic", hoursAgo(i * 10), "150");
        }
        assertThat(fires(json, b.build())).isFalse();
        b.reading("bp_systolic", hoursAgo(50), "150");
        assertThat(fires(json, b.build())).isTrue();
    }

    @Test
    void sumAndMax() {
        String sum = """
                {"type": "aggregate", "metric": "steps", "fn": "sum", "window": {"hours": 24}, "op": "lt", "value": 1000}""";
        EvaluationContext ctx = context().reading("steps", hoursAgo(10), "400").reading("steps", hoursAgo(2), "599").build();
        EvaluationContext exactly = context().reading("steps", hoursAgo(10), "400").reading("steps", hoursAgo(2), "600").build();
        assertThat(fires(sum, ctx)).isTrue();
        assertThat(fires(sum, exactly)).isFalse();
    }

    @Test
    void countCountsZeroReadingsToo() {
        String json = """
                {"type": "aggregate", "metric": "bp_systolic", "fn": "count", "window": {"days": 1}, "op": "lt", "value": 2}""";
        assertThat(fires(json, context().build())).isTrue();
        assertThat(fires(json, context().reading("bp_systolic", hoursAgo(1), "120").build())).isTrue();
        assertThat(fires(json, context().reading("bp_systolic", hoursAgo(2), "120")
                .reading("bp_systolic", hoursAgo(1), "120").build())).isFalse();
    }

    @Test
    void emptyWindowIsNotAnAlert() {
        assertThat(fires(AVG_24H.formatted("lt"), context().reading("glucose", hoursAgo(30), "50").build())).isFalse();
    }
}
