package org.vigil.patients.internal;

import static org.vigil.patients.EnrollmentStatus.ACTIVE;
import static org.vigil.patients.EnrollmentStatus.COMPLETED;
import static org.vigil.patients.EnrollmentStatus.INACTIVE;
import static org.vigil.patients.EnrollmentStatus.PENDING;
import static org.vigil.patients.EnrollmentStatus.WITHDRAWN;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.vigil.patients.EnrollmentStatus;

/**
 * The legal status changes of an enrollment (issue 4: PENDING → ACTIVE → INACTIVE/COMPLETED/WITHDRAWN):
 * <pre>
 * PENDING  → ACTIVE, WITHDRAWN
 * ACTIVE   → INACTIVE, COMPLETED, WITHDRAWN
 * INACTIVE → ACTIVE
 * COMPLETED, WITHDRAWN: final
 * </pre>
 * INACTIVE is a pause (monitoring suspended, e.g. a hospital stay) and keeps the end date open;
 * COMPLETED and WITHDRAWN end the enrollment and set its end date when it has none: now, or its
 * start date when that is still in the future (an end never precedes the start).
 * A new enrollment starts PENDING or ACTIVE (the seed's default).
 */
final class EnrollmentLifecycle {

    private static final Map<EnrollmentStatus, Set<EnrollmentStatus>> NEXT = Map.of(
            PENDING, EnumSet.of(ACTIVE, WITHDRAWN),
            ACTIVE, EnumSet.of(INACTIVE, COMPLETED, WITHDRAWN),
            INACTIVE, EnumSet.of(ACTIVE),
            COMPLETED, EnumSet.noneOf(EnrollmentStatus.class),
            WITHDRAWN, EnumSet.noneOf(EnrollmentStatus.class));

    static final Set<EnrollmentStatus> INITIAL = EnumSet.of(PENDING, ACTIVE);
    static final Set<EnrollmentStatus> ENDING = EnumSet.of(COMPLETED, WITHDRAWN);

    private EnrollmentLifecycle() {
    }

    static boolean allows(EnrollmentStatus from, EnrollmentStatus to) {
        return NEXT.get(from).contains(to);
    }

    static Set<EnrollmentStatus> next(EnrollmentStatus from) {
        return NEXT.get(from);
    }

    /** The end date after moving to {@code to}: unchanged unless an ending status needs one. */
    static Instant endDateAfter(EnrollmentStatus to, Instant startDate, Instant endDate, Instant now) {
        if (!ENDING.contains(to) || endDate != null) {
            return endDate;
        }
        return now.isBefore(startDate) ? startDate : now;
    }
}
