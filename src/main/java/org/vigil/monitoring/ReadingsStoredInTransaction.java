package org.vigil.monitoring;

import java.util.List;
import org.vigil.patients.EnrollmentDirectory.ActiveEnrollment;

/**
 * Readings sent one at a time (single-reading POSTs, possibly stored together), published
 * synchronously inside the transaction that stores them, instead of {@link ReadingsRecorded}. A
 * listener evaluates them in that same transaction, so the alerts commit atomically with the
 * readings and no event publication is written, marked and deleted per request. While evaluation
 * is paused the listener publishes {@link ReadingsRecorded} in the transaction instead, and the
 * readings are evaluated after commit as batches are. When the evaluation fails the listener
 * throws {@link NotEvaluated}: the transaction is rolled back whole and ingestion stores the
 * readings again in a new one with {@link ReadingsRecorded} (no savepoint around every evaluation:
 * two statements per transaction saved for a rare failure).
 *
 * @param activeEnrollments the ACTIVE enrollments of the readings' patients as the storing
 *                          transaction read them (to attribute the readings), so that the
 *                          evaluation in the same transaction does not read them again
 */
public record ReadingsStoredInTransaction(ReadingsRecorded readings, List<ActiveEnrollment> activeEnrollments) {

    public ReadingsStoredInTransaction {
        activeEnrollments = List.copyOf(activeEnrollments);
    }

    /**
     * The evaluation in the storing transaction failed: roll it back and store the readings
     * again, to be evaluated after commit.
     */
    public static final class NotEvaluated extends RuntimeException {

        public NotEvaluated(Throwable cause) {
            super("the readings could not be evaluated in their transaction", cause);
        }
    }
}
