package org.vigil.carework.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * The interval a time log covers, half-open: [startedAt, endedAt). Minutes are whole minutes,
 * rounded down (a clinician bills the time actually spent; 19 min 59 s is 19 minutes, which keeps
 * a 20-minute threshold honest). Two intervals of one clinician may touch (one ends at 10:20, the
 * next starts at 10:20) but never overlap, so the same minute is never counted twice.
 */
record LoggedInterval(Instant startedAt, Instant endedAt) {

    static LoggedInterval ofMinutes(Instant startedAt, int minutes) {
        return new LoggedInterval(startedAt, startedAt.plus(Duration.ofMinutes(minutes)));
    }

    int wholeMinutes() {
        return (int) Duration.between(startedAt, endedAt).toMinutes();
    }

    boolean overlaps(LoggedInterval other) {
        return startedAt.isBefore(other.endedAt) && other.startedAt.isBefore(endedAt);
    }
}
