package org.vigil.carework.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.vigil.carework.TimeLogActivity;

/** The bodies of the time-tracking endpoints. */
final class TimeLogRequests {

    private TimeLogRequests() {
    }

    /** Starts the caller's timer for a patient (and an enrollment, when the patient has several). */
    record StartTimer(@NotBlank @Size(max = 64) String patientId, @Size(max = 64) String enrollmentId,
            @NotNull TimeLogActivity activity) {
    }

    /**
     * Stops the caller's timer into a time log. {@code interactiveCommunication}: the time included
     * live audio or video contact with the patient (CMS treatment management needs it).
     */
    record StopTimer(@NotNull Boolean interactiveCommunication, Boolean billable, @Size(max = 2000) String notes) {
    }

    /** Time entered after the fact: when it started and how many minutes it took. */
    record ManualEntry(@NotBlank @Size(max = 64) String patientId, @Size(max = 64) String enrollmentId,
            @NotNull TimeLogActivity activity, @NotNull Instant startedAt,
            @NotNull @Min(1) @Max(1440) Integer durationMinutes, @NotNull Boolean interactiveCommunication,
            Boolean billable, @Size(max = 2000) String notes) {
    }

    /** A correction of a time log; the reason is kept with the log and the change is audited. */
    record Adjustment(@Size(max = 64) String enrollmentId, @NotNull TimeLogActivity activity,
            @NotNull Instant startedAt, @NotNull @Min(1) @Max(1440) Integer durationMinutes,
            @NotNull Boolean interactiveCommunication, @NotNull Boolean billable, @Size(max = 2000) String notes,
            @NotBlank @Size(max = 500) String reason) {
    }
}
