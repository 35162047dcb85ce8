package org.vigil.library.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.library.rules.Fixtures.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdherenceRuleTest {

    private static EvaluationContext doses(int taken, int missed) {
        EvaluationContext.Builder b = context();
        int h = 1;
        for (int i = 0; i < taken; i++) {
            b.dose(hoursAgo(h++ * 12), true);
        }
        for (int i = 0; i < missed; i++) {
            b.dose(hoursAgo(h++ * 12), false);
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} taken, {1} missed: < 80% → {2}")
    @CsvSource({"3, 2, true", "4, 1, false", "5, 0, false", "79, 21, true", "80, 20, false"})
    void percentBelowEightyAtTheBoundary(int taken, int missed, boolean expected) {
        String json = """
                {"type": "adherence", "window": {"days": 30}, "measure": "adherence_percent", "op": "lt", "value": 80}""";
        // 100 doses at 12 h spacing span 50 days; keep the window wide enough for the test
        String wide = json.replace("\"days\": 30", "\"days\": 60");
        assertThat(fires(wide, doses(taken, missed))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} missed ≥ 2 → {1}")
    @CsvSource({"1, false", "2, true", "3, true"})
    void missedDosesAtTheBoundary(int missed, boolean expected) {
        String json = """
                {"type": "adherence", "window": {"days": 7}, "measure": "missed_doses", "op": "gte", "value": 2}""";
        assertThat(fires(json, doses(3, missed))).isEqualTo(expected);
    }

    @Test
    void noDoseEventsIsUnknownNotPerfectOrZero() {
        String low = """
                {"type": "adherence", "window": {"days": 7}, "measure": "adherence_percent", "op": "lt", "value": 80}""";
        String missed = """
                {"type": "adherence", "window": {"days": 7}, "measure": "missed_doses", "op": "lt", "value": 1}""";
        assertThat(fires(low, context().build())).isFalse();
        assertThat(fires(missed, context().build())).isFalse();
    }

    @Test
    void windowEdges() {
        String json = """
                {"type": "adherence", "window": {"days": 1}, "measure": "missed_doses", "op": "gte", "value": 1}""";
        assertThat(fires(json, context().dose(hoursAgo(24), false).dose(hoursAgo(1), true).build())).isFalse();
        assertThat(fires(json, context().dose(hoursAgo(24).plusSeconds(1), false).dose(hoursAgo(1), true).build())).isTrue();
    }

    @Test
    void evidence() {
        String json = """
                {"type": "adherence", "window": {"days": 7}, "measure": "adherence_percent", "op": "lt", "value": 80}""";
        assertThat(judge(json, doses(2, 1)).evidence().get(0).toString())
                .isEqualTo("Medication adherence, 2 of 3 doses taken over 7 days: 66.7% < 80%");
    }
}
