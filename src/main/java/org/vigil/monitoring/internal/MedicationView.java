package org.vigil.monitoring.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A patient medication as the API returns it; {@code dosage} and {@code frequency} are the readable forms. */
record MedicationView(String id, String patientId, String drugId, String medicationName, BigDecimal doseAmount,
        String doseUnit, String dosage, String route, MedicationSchedule schedule, String frequency,
        Integer dosesPerDay, String prescriberId, LocalDate startDate, LocalDate endDate, boolean isActive,
        String instructions, Instant updatedAt) {
}
