package org.vigil.library.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.library.rules.Fixtures.*;

import org.junit.jupiter.api.Test;

class ConsecutiveRuleTest {

    private static final String PAIN_3 = """
            {"type": "consecutive", "metric": "pain_nrs", "count": 3, "op": "gte", "value": 8}""";

    private static EvaluationContext pain(String... values) {
        EvaluationContext.Builder b = context();
        for (int i = 0; i < values.length; i++) {
            b.reading("pain_nrs", hoursAgo(24L * (values.length - i)), values[i]);
        }
        return b.build();
    }

    @Test
    void twoAreNotThreeAndThreeAre() {
        assertThat(fires(PAIN_3, pain("8", "9"))).as("only 2 readings").isFalse();
        assertThat(fires(PAIN_3, pain("5", "8", "9"))).as("2 consecutive").isFalse();
        assertThat(fires(PAIN_3, pain("5", "8", "9", "8"))).as("3 consecutive").isTrue();
        assertThat(fires(PAIN_3, pain("8", "8", "8"))).as("3 exactly at the threshold").isTrue();
        assertThat(fires(PAIN_3, pain("8", "7", "8"))).as("one below breaks the streak").isFalse();
        assertThat(fires(PAIN_3, pain("9", "9", "9", "7"))).as("the streak must be the latest readings").isFalse();
    }

    @Test
    void evidenceListsTheReadings() {
        assertThat(judge(PAIN_3, pain("8", "9", "10")).evidence().get(0).toString())
                .isEqualTo("pain_nrs, 3 consecutive readings (8, 9, 10): all ≥ 8");
    }

    @Test
    void optionalWindowHoldsAllOfThem() {
        String json = """
                {"type": "consecutive", "metric": "pain_nrs", "count": 2, "op": "gt", "value": 8, "window": {"hours": 48}}""";
        EvaluationContext oldestAtStart = context().reading("pain_nrs", hoursAgo(48), "9")
                .reading("pain_nrs", hoursAgo(1), "9").build();
        EvaluationContext oldestInside = context().reading("pain_nrs", hoursAgo(48).plusSeconds(1), "9")
                .reading("pain_nrs", hoursAgo(1), "9").build();
        assertThat(fires(json, oldestAtStart)).isFalse();
        assertThat(fires(json, oldestInside)).isTrue();
    }
}
