package org.vigil.patients.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.patients.EnrollmentStatus.ACTIVE;
import static org.vigil.patients.EnrollmentStatus.COMPLETED;
import static org.vigil.patients.EnrollmentStatus.INACTIVE;
import static org.vigil.patients.EnrollmentStatus.PENDING;
import static org.vigil.patients.EnrollmentStatus.WITHDRAWN;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.patients.EnrollmentStatus;

/** Exactly six status changes are legal; COMPLETED and WITHDRAWN are final and close the period. */
class EnrollmentLifecycleTest {

    @Test
    void exactlyTheSixDocumentedTransitionsAreAllowed() {
        List<String> allowed = new ArrayList<>();
        for (EnrollmentStatus from : EnrollmentStatus.values()) {
            for (EnrollmentStatus to : EnrollmentStatus.values()) {
                if (EnrollmentLifecycle.allows(from, to)) {
                    allowed.add(from + "->" + to);
                }
            }
        }
        assertThat(allowed).containsExactlyInAnyOrder("PENDING->ACTIVE", "PENDING->WITHDRAWN", "ACTIVE->INACTIVE",
                "ACTIVE->COMPLETED", "ACTIVE->WITHDRAWN", "INACTIVE->ACTIVE");
    }

    @Test
    void finalStatusesLeadNowhereAndNothingGoesBackToPending() {
        assertThat(EnrollmentLifecycle.next(COMPLETED)).isEmpty();
        assertThat(EnrollmentLifecycle.next(WITHDRAWN)).isEmpty();
        for (EnrollmentStatus from : EnrollmentStatus.values()) {
            assertThat(EnrollmentLifecycle.allows(from, PENDING)).as(from + "->PENDING").isFalse();
            assertThat(EnrollmentLifecycle.allows(from, from)).as(from + "->" + from).isFalse();
        }
        assertThat(EnrollmentLifecycle.allows(INACTIVE, COMPLETED)).as("reactivate first").isFalse();
        assertThat(EnrollmentLifecycle.INITIAL).containsExactlyInAnyOrder(PENDING, ACTIVE);
    }

    @Test
    void endingStatusesSetTheEndDateWhenItIsMissing() {
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        Instant now = Instant.parse("2025-06-30T12:00:00Z");
        Instant planned = Instant.parse("2025-12-31T00:00:00Z");
        assertThat(EnrollmentLifecycle.endDateAfter(COMPLETED, start, null, now)).isEqualTo(now);
        assertThat(EnrollmentLifecycle.endDateAfter(WITHDRAWN, start, null, now)).isEqualTo(now);
        assertThat(EnrollmentLifecycle.endDateAfter(COMPLETED, start, planned, now)).as("kept").isEqualTo(planned);
        assertThat(EnrollmentLifecycle.endDateAfter(INACTIVE, start, null, now)).as("a pause stays open").isNull();
        assertThat(EnrollmentLifecycle.endDateAfter(ACTIVE, start, null, now)).isNull();
        Instant futureStart = Instant.parse("2025-09-01T00:00:00Z");
        assertThat(EnrollmentLifecycle.endDateAfter(WITHDRAWN, futureStart, null, now))
                .as("never before the start").isEqualTo(futureStart);
    }
}
