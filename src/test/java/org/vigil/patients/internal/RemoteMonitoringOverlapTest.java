package org.vigil.patients.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.billing.RemoteMonitoring;
import org.vigil.patients.internal.RemoteMonitoringOverlap.Period;

/** RPM and RTM billing enrollments of one patient may not overlap in time (CMS: not in the same period). */
class RemoteMonitoringOverlapTest {

    static final Set<RemoteMonitoring> RPM = Set.of(RemoteMonitoring.RPM);
    static final Set<RemoteMonitoring> RTM = Set.of(RemoteMonitoring.RTM);
    static final Instant JAN = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant MAR = Instant.parse("2025-03-01T00:00:00Z");
    static final Instant JUN = Instant.parse("2025-06-01T00:00:00Z");
    static final Instant SEP = Instant.parse("2025-09-01T00:00:00Z");

    @Test
    void anOpenRtmEnrollmentBlocksRpmAndViceVersa() {
        Period rtm = new Period("rtm", RTM, JAN, null);
        assertThat(RemoteMonitoringOverlap.conflict(new Period("rpm", RPM, MAR, null), List.of(rtm))).contains(rtm);
        Period rpm = new Period("rpm", RPM, JAN, null);
        assertThat(RemoteMonitoringOverlap.conflict(new Period("rtm", RTM, JUN, SEP), List.of(rpm))).contains(rpm);
    }

    @Test
    void consecutivePeriodsDoNotOverlapButTouchingOnesDo() {
        Period rtmUntilMarch = new Period("rtm", RTM, JAN, MAR);
        assertThat(RemoteMonitoringOverlap.conflict(new Period("rpm", RPM, JUN, null), List.of(rtmUntilMarch))).isEmpty();
        assertThat(RemoteMonitoringOverlap.conflict(new Period("rpm", RPM, MAR, null), List.of(rtmUntilMarch)))
                .as("the same day in both").isPresent();
        assertThat(RemoteMonitoringOverlap.conflict(new Period("rpm", RPM, JAN, MAR.minusSeconds(1)),
                List.of(new Period("rtm", RTM, MAR, null)))).isEmpty();
    }

    @Test
    void sameFamilyOtherProgramsAndItselfAreNoConflict() {
        assertThat(RemoteMonitoringOverlap.conflict(new Period("a", RPM, JAN, null),
                List.of(new Period("b", RPM, JAN, null), new Period("c", Set.of(), JAN, null)))).isEmpty();
        assertThat(RemoteMonitoringOverlap.conflict(new Period("a", RPM, JAN, null),
                List.of(new Period("a", RTM, JAN, null)))).as("its own earlier state").isEmpty();
    }
}
