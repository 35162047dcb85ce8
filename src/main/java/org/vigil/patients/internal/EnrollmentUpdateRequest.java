package org.vigil.patients.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Every editable field of an enrollment (PUT: a left-out optional field is cleared). The patient and
 * the care program are fixed at creation (end the enrollment and create another to move a patient);
 * the status changes only through {@code POST /api/v1/enrollments/{id}/status}.
 */
@Schema(name = "EnrollmentUpdateRequest")
record EnrollmentUpdateRequest(
        @NotBlank @Size(max = 64) String clinicianId,
        @Size(max = 64) String billingProgramId,
        @Size(max = 64) String conditionPresetId,
        @Schema(example = "2025-03-01T00:00:00Z") @NotNull Instant startDate,
        Instant endDate,
        @Size(max = 10_000) String notes,
        @Valid BillingEligibility billingEligibility) {
}
