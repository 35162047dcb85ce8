package org.vigil.carework.internal;

import java.time.Instant;

/** The caller's running timer and how long it has run. */
record TimerView(String id, String patientId, String enrollmentId, String activity, Instant startedAt,
        long elapsedSeconds) {
}
