package org.vigil.library.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.library.rules.Fixtures.*;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MissingDataRuleTest {

    private static final String NO_BP_24H = """
            {"type": "missing_data", "metric": "bp_systolic", "window": {"hours": 24}}""";

    private static boolean lastReadingAt(Instant at) {
        return fires(NO_BP_24H, context().reading("bp_systolic", at, "120").build());
    }

    @Test
    void silenceOfExactlyTheWindowIsMissing() {
        assertThat(lastReadingAt(hoursAgo(24).plusSeconds(1))).as("24 h − 1 s").isFalse();
        assertThat(lastReadingAt(hoursAgo(24))).as("exactly 24 h: no reading in (now − 24 h, now]").isTrue();
        assertThat(lastReadingAt(hoursAgo(24).minusSeconds(1))).as("24 h + 1 s").isTrue();
    }

    @Test
    void daysWindow() {
        String json = """
                {"type": "missing_data", "metric": "body_weight", "window": {"days": 3}}""";
        assertThat(fires(json, context().reading("body_weight", hoursAgo(72).plusSeconds(1), "80").build())).isFalse();
        assertThat(fires(json, context().reading("body_weight", hoursAgo(72), "80").build())).isTrue();
    }

    @Test
    void aPatientWhoNeverSentIsMeasuredFromTheStartOfMonitoring() {
        EvaluationContext enrolledAnHourAgo = EvaluationContext.at(NOW).monitoringSince(hoursAgo(1)).build();
        EvaluationContext enrolledExactlyADayAgo = EvaluationContext.at(NOW).monitoringSince(hoursAgo(24)).build();
        assertThat(fires(NO_BP_24H, enrolledAnHourAgo)).isFalse();
        Evaluation e = judge(NO_BP_24H, enrolledExactlyADayAgo);
        assertThat(e.triggered()).isTrue();
        assertThat(e.evidence().get(0).toString())
                .isEqualTo("bp_systolic, no reading since monitoring began at 2025-03-09T12:00:00Z: 24 h ≥ 24 h");
    }

    @Test
    void aReadingBeforeReEnrollmentDoesNotCount() {
        EvaluationContext ctx = EvaluationContext.at(NOW).monitoringSince(hoursAgo(2))
                .reading("bp_systolic", hoursAgo(500), "120").build();
        assertThat(fires(NO_BP_24H, ctx)).isFalse();
    }

    @Test
    void monitoringThatHasNotBegunIsNotMissing() {
        EvaluationContext future = EvaluationContext.at(NOW).monitoringSince(NOW.plusSeconds(3600)).build();
        assertThat(fires(NO_BP_24H, future)).isFalse();
    }

    @Test
    void readingsAfterNowDoNotHideASilence() {
        EvaluationContext ctx = context().reading("bp_systolic", hoursAgo(30), "120")
                .reading("bp_systolic", NOW.plusSeconds(60), "120").build();
        assertThat(fires(NO_BP_24H, ctx)).isTrue();
    }

    @Test
    void withoutReadingsOrAStartTheCallerHasABug() {
        EvaluationContext ctx = EvaluationContext.at(NOW).build();
        assertThatThrownBy(() -> judge(NO_BP_24H, ctx)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("monitoringStart");
    }

    @Test
    void otherMetricsDoNotCount() {
        EvaluationContext ctx = context().reading("bp_diastolic", hoursAgo(1), "80")
                .reading("bp_systolic", hoursAgo(25), "120").build();
        assertThat(fires(NO_BP_24H, ctx)).isTrue();
    }
}
