package org.vigil.patients.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.vigil.billing.RemoteMonitoring;

/**
 * No RPM and RTM billing enrollments active for the same patient at the same time: CMS does not pay
 * remote physiologic and remote therapeutic monitoring for the same patient in the same period
 * (shared/domain/billing-and-clinical-codes.md §1.1 and §1.9 "Any RPM code ⟂ any RTM code (same
 * patient, same period)"; billing-rules-verified.md §C rule 16 keeps the block). Two enrollments
 * overlap when each starts no later than the other ends (an open end runs forever).
 */
final class RemoteMonitoringOverlap {

    /** An ACTIVE billing enrollment: its id, the families of its billing program and its period. */
    record Period(String enrollmentId, Set<RemoteMonitoring> families, Instant start, Instant end) {
    }

    private RemoteMonitoringOverlap() {
    }

    /** The first of {@code others} that {@code candidate} may not run alongside, if any. */
    static Optional<Period> conflict(Period candidate, Collection<Period> others) {
        return others.stream()
                .filter(other -> !other.enrollmentId().equals(candidate.enrollmentId()))
                .filter(other -> RemoteMonitoring.exclusive(candidate.families(), other.families()))
                .filter(other -> overlaps(candidate, other))
                .findFirst();
    }

    static boolean overlaps(Period a, Period b) {
        boolean aStartsBeforeBEnds = b.end() == null || !a.start().isAfter(b.end());
        boolean bStartsBeforeAEnds = a.end() == null || !b.start().isAfter(a.end());
        return aStartsBeforeBEnds && bStartsBeforeAEnds;
    }
}
