package org.vigil.monitoring;

import java.util.List;
import org.vigil.patients.EnrollmentDirectory.ActiveEnrollment;

/**
 * Readings sent one at a time (single-reading POSTs, possibly stored together), published
 * synchronously inside the transaction that stores them, instead of {@link ReadingsRecorded}. A
 * listener evaluates them in that same transaction, so the alerts commit atomically with the
 * readings and no event publication is written, marked and deleted per request; when it cannot
 * (evaluation paused, or the evaluation failed and was rolled back to its savepoint) it publishes
 * {@link ReadingsRecorded} in the transaction instead, and the readings are evaluated after commit
 * as batches are.
 *
 * @param activeEnrollments the ACTIVE enrollments of the readings' patients as the storing
 *                          transaction read them (to attribute the readings), so that the
 *                          evaluation in the same transaction does not read them again
 */
public record ReadingsStoredInTransaction(ReadingsRecorded readings, List<ActiveEnrollment> activeEnrollments) {

    public ReadingsStoredInTransaction {
        activeEnrollments = List.copyOf(activeEnrollments);
    }
}
