package org.vigil.shared.persistence;

import java.util.function.Supplier;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Runs a whole transaction again when PostgreSQL chose it as the victim of a deadlock or a lock
 * timeout: the victim's work was rolled back entirely, so repeating it is safe and the caller sees
 * one answer instead of an error it could not have caused. Only for transactions that are
 * idempotent as a whole (they compute everything, including new ids, inside the supplier) and
 * that begin inside the supplier; inside an outer transaction the supplier runs once.
 */
public final class LockConflicts {

    /** Attempts in total before the conflict is reported (then as a 503 problem, see ProblemHandler). */
    public static final int ATTEMPTS = 3;

    private LockConflicts() {
    }

    public static <T> T retrying(Supplier<T> transaction) {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            // joined to an outer transaction, which the conflict has already doomed: nothing to repeat here
            return transaction.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (PessimisticLockingFailureException conflict) {
                if (attempt >= ATTEMPTS) {
                    throw conflict;
                }
                // a short, growing pause lets the winner commit before the retry takes its locks
                try {
                    Thread.sleep(20L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw conflict;
                }
            }
        }
    }
}
