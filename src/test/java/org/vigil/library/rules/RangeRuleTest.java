package org.vigil.library.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.library.rules.Fixtures.*;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RangeRuleTest {

    private static boolean judgeRange(String mode, String reading) {
        String json = """
                {"type": "range", "metric": "heart_rate", "mode": "%s", "min": 50, "max": 120}""".formatted(mode);
        return fires(json, context().reading("heart_rate", hoursAgo(1), reading).build());
    }

    @ParameterizedTest(name = "{0} 50–120 with {1} → {2}")
    @CsvSource({
            "inside, 49, false", "inside, 50, true", "inside, 51, true",
            "inside, 119, true", "inside, 120, true", "inside, 121, false",
            "outside, 49, true", "outside, 50, false", "outside, 51, false",
            "outside, 119, false", "outside, 120, false", "outside, 121, true"})
    void bothEndsAreInsideTheRange(String mode, String reading, boolean expected) {
        assertThat(judgeRange(mode, reading)).isEqualTo(expected);
    }

    @Test
    void boundsMayBeOverridden() {
        String json = """
                {"type": "range", "metric": "heart_rate", "mode": "outside",
                 "min": {"override": "hr_low", "default": 50}, "max": 120}""";
        EvaluationContext athlete = context().reading("heart_rate", hoursAgo(1), "45")
                .override("hr_low", dec("40")).build();
        EvaluationContext athleteAt39 = context().reading("heart_rate", hoursAgo(1), "39")
                .override("hr_low", dec("40")).build();
        assertThat(fires(json, athlete)).isFalse();
        assertThat(judge(json, athleteAt39).evidence().get(0).toString())
                .isEqualTo("heart_rate 39 outside 40–120 (patient threshold hr_low)");
    }

    @Test
    void overridesThatInvertTheRangeAreAnErrorNotASilentFalse() {
        String json = """
                {"type": "range", "metric": "heart_rate", "mode": "outside",
                 "min": {"override": "hr_low", "default": 50}, "max": 120}""";
        EvaluationContext broken = context().reading("heart_rate", hoursAgo(1), "45")
                .override("hr_low", dec("130")).build();
        assertThatThrownBy(() -> judge(json, broken))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("min 130 exceeds max 120");
    }
}
