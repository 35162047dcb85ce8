package org.vigil.monitoring.internal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.vigil.monitoring.AdherenceStatus;

/** One scheduled dose's outcome: TAKEN/LATE (with {@code takenAt}), MISSED or SKIPPED. */
record AdherenceRequest(@NotNull Instant scheduledFor, @NotNull AdherenceStatus status, Instant takenAt,
        @Size(max = 1000) String notes) {
}
