package org.vigil.patients.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.vigil.patients.EnrollmentStatus;

/** A new enrollment. Every referenced id must exist in the caller's organization (404 naming the field otherwise). */
@Schema(name = "EnrollmentCreateRequest")
record EnrollmentCreateRequest(
        @NotBlank @Size(max = 64) String patientId,
        @Schema(description = "The responsible clinician (a Clinician id, never a User id)") @NotBlank @Size(max = 64) String clinicianId,
        @NotBlank @Size(max = 64) String careProgramId,
        @Schema(description = "A program of the global billing catalog (optional)") @Size(max = 64) String billingProgramId,
        @Schema(description = "A condition preset of the standard library or of this organization (optional)")
        @Size(max = 64) String conditionPresetId,
        @Schema(description = "PENDING or ACTIVE (default ACTIVE, the seed's default); later changes go through /status",
                example = "ACTIVE") EnrollmentStatus status,
        @Schema(example = "2025-03-01T00:00:00Z") @NotNull Instant startDate,
        @Schema(description = "Not before startDate") Instant endDate,
        @Size(max = 10_000) String notes,
        @Valid BillingEligibility billingEligibility) {
}
