package org.vigil.monitoring.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;

/**
 * Adherence over a period: doses due by the schedule (each day the medication was active), doses
 * recorded TAKEN or LATE, MISSED, SKIPPED; a due dose with no record counts as not taken.
 * {@code percent} = (taken + late) / due × 100, one decimal, half-up; null when nothing was due
 * (as-needed medication, or a period outside the medication's dates). SKIPPED doses (skipped on a
 * clinician's instruction) are removed from the doses due.
 */
record AdherenceSummary(LocalDate from, LocalDate to, int dosesDue, int taken, int late, int missed, int skipped,
        BigDecimal percent) {

    static AdherenceSummary of(MedicationSchedule schedule, LocalDate medicationStart, LocalDate medicationEnd,
            LocalDate from, LocalDate to, Map<String, Integer> recordedByStatus) {
        int due = 0;
        if (schedule != null) {
            LocalDate first = from.isBefore(medicationStart) ? medicationStart : from;
            LocalDate last = medicationEnd != null && medicationEnd.isBefore(to) ? medicationEnd : to;
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                due += schedule.dosesDueOn(day);
            }
        }
        int taken = recordedByStatus.getOrDefault("TAKEN", 0);
        int late = recordedByStatus.getOrDefault("LATE", 0);
        int missed = recordedByStatus.getOrDefault("MISSED", 0);
        int skipped = recordedByStatus.getOrDefault("SKIPPED", 0);
        int expected = due - skipped;
        BigDecimal percent = expected <= 0 ? null
                : BigDecimal.valueOf(Math.min(taken + late, expected) * 100L)
                        .divide(BigDecimal.valueOf(expected), 1, RoundingMode.HALF_UP);
        return new AdherenceSummary(from, to, due, taken, late, missed, skipped, percent);
    }
}
