package org.vigil.monitoring.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A patient medication as prescribed: the formulary drug (optional; the name as prescribed is
 * always kept), a structured dose (amount + UCUM unit), route, schedule, prescriber (a clinician of
 * the organization), dates and instructions.
 */
record MedicationRequest(
        @Size(max = 64) String drugId,
        @NotBlank @Size(max = 200) String medicationName,
        @DecimalMin(value = "0", inclusive = false) BigDecimal doseAmount,
        @Size(max = 32) String doseUnit,
        @Size(max = 64) String route,
        @Valid MedicationSchedule schedule,
        @Size(max = 64) String prescriberId,
        @NotNull LocalDate startDate,
        LocalDate endDate,
        @Size(max = 2000) String instructions) {
}
