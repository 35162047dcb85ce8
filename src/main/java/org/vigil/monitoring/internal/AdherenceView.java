package org.vigil.monitoring.internal;

import java.time.Instant;
import org.vigil.monitoring.AdherenceStatus;

/** A recorded dose outcome. */
record AdherenceView(String id, String medicationId, Instant scheduledFor, AdherenceStatus status, Instant takenAt,
        String source, Instant recordedAt) {
}
