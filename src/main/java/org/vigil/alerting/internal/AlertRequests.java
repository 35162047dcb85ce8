package org.vigil.alerting.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.vigil.carework.TimeLogActivity;

/** Request bodies of the alert actions. */
final class AlertRequests {

    private AlertRequests() {
    }

    /**
     * Resolve: {@code resolutionNotes} and {@code actionTaken} required; {@code minutesSpent}
     * (1–1440, optional) becomes one time log of the caller's clinician profile for the alert's
     * enrollment, with {@code interactiveCommunication} and {@code activity} (default REVIEW_DATA).
     */
    record Resolve(@NotBlank @Size(max = 4000) String resolutionNotes, @NotBlank @Size(max = 500) String actionTaken,
            @Min(1) @Max(1440) Integer minutesSpent, Boolean interactiveCommunication, TimeLogActivity activity) {
    }

    record Dismiss(@NotBlank @Size(max = 4000) String reason) {
    }

    /** Until a time in the future, at most 7 days ahead. */
    record Snooze(@NotNull Instant until) {
    }

    /** To {@code level} (above the current one), for {@code targetUserId} (a member; optional), with a reason. */
    record Escalate(@NotNull @Min(1) @Max(10) Integer level, @Size(max = 64) String targetUserId,
            @NotBlank @Size(max = 2000) String reason) {
    }

    enum BulkAction {
        CLAIM, UNCLAIM, ACKNOWLEDGE, RESOLVE, DISMISS, SNOOZE, ESCALATE
    }

    /**
     * One action on up to 100 alerts, each in its own transaction with its own outcome. The fields
     * of the action's single-alert body apply to every alert (minutes cannot be logged in bulk).
     */
    record Bulk(@NotNull BulkAction action, @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 64) String> alertIds,
            @Size(max = 4000) String resolutionNotes, @Size(max = 500) String actionTaken,
            @Size(max = 4000) String reason, Instant until, @Min(1) @Max(10) Integer level,
            @Size(max = 64) String targetUserId) {
    }
}
