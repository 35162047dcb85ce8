package org.vigil.identity.internal;

import java.time.Duration;

/**
 * Brute-force protection per account. After {@value #FREE_ATTEMPTS} consecutive failed sign-ins
 * the account is locked for 15 minutes; each further failure doubles the lock, up to 24 hours. A
 * successful sign-in resets the count. (Per-address throttling comes with the HTTP edge.)
 */
final class AccountLockout {

    static final int FREE_ATTEMPTS = 5;
    static final Duration FIRST_LOCK = Duration.ofMinutes(15);
    static final Duration LONGEST_LOCK = Duration.ofHours(24);

    private AccountLockout() {
    }

    /** How long to lock after this many consecutive failures; zero while still within the free attempts. */
    static Duration lockAfter(int consecutiveFailures) {
        if (consecutiveFailures < FREE_ATTEMPTS) {
            return Duration.ZERO;
        }
        int doublings = Math.min(consecutiveFailures - FREE_ATTEMPTS, 10);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
    }
}
