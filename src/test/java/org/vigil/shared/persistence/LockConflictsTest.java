package org.vigil.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.PessimisticLockingFailureException;

class LockConflictsTest {

    @Test
    void aDeadlockVictimIsRepeatedUntilItSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        String answer = LockConflicts.retrying(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new CannotAcquireLockException("deadlock detected");
            }
            return "stored";
        });
        assertThat(answer).isEqualTo("stored");
        assertThat(calls).hasValue(3);
    }

    @Test
    void afterThreeAttemptsTheConflictIsReported() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> LockConflicts.retrying(() -> {
            calls.incrementAndGet();
            throw new CannotAcquireLockException("deadlock detected");
        })).isInstanceOf(PessimisticLockingFailureException.class);
        assertThat(calls).hasValue(LockConflicts.ATTEMPTS);
    }

    @Test
    void otherFailuresAreNotRepeated() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> LockConflicts.retrying(() -> {
            calls.incrementAndGet();
            throw new IllegalStateException("refused");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(calls).hasValue(1);
    }
}
