package org.vigil.patients.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.vigil.patients.EnrollmentStatus;

/** A status change of an enrollment, with an optional reason (kept with the enrollment, never in logs). */
@Schema(name = "EnrollmentStatusChange")
record StatusChangeRequest(@Schema(example = "COMPLETED") @NotNull EnrollmentStatus status,
        @Schema(example = "Blood pressure controlled for 3 months") @Size(max = 1000) String reason) {
}
