package org.vigil.patients.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.vigil.patients.EnrollmentStatus;
import tools.jackson.databind.JsonNode;

/** An enrollment as the API shows it. */
@Schema(name = "Enrollment")
record EnrollmentView(String id, String patientId, String clinicianId, String careProgramId, String billingProgramId,
        String conditionPresetId, EnrollmentStatus status, Instant statusChangedAt, String statusReason,
        Instant startDate, Instant endDate, String notes,
        @Schema(implementation = BillingEligibility.class) JsonNode billingEligibility,
        long version, Instant createdAt, Instant updatedAt) {
}
