package org.vigil.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Adherence = (taken + late) / doses due by the schedule, skipped doses excluded; one decimal. */
class AdherenceSummaryTest {

    static final MedicationSchedule TWICE_DAILY = new MedicationSchedule(List.of("08:00", "20:00"), null, false);
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);

    @Test
    void dueDosesComeFromTheScheduleAndUnrecordedDosesCountAsNotTaken() {
        // 7 days × 2 doses = 14 due; 10 taken, 1 late → 11/14 = 78.571… → 78.6
        AdherenceSummary week = AdherenceSummary.of(TWICE_DAILY, MONDAY.minusDays(30), null, MONDAY, MONDAY.plusDays(6),
                Map.of("TAKEN", 10, "LATE", 1, "MISSED", 2));
        assertThat(week.dosesDue()).isEqualTo(14);
        assertThat(week.percent()).isEqualByComparingTo("78.6");
    }

    @Test
    void skippedDosesAreNotDueAndTheMedicationsDatesBoundThePeriod() {
        // Started Wednesday, stopped Friday: 3 days × 2 = 6 due, 1 skipped → 5 expected, 5 taken = 100 %.
        AdherenceSummary stopped = AdherenceSummary.of(TWICE_DAILY, MONDAY.plusDays(2), MONDAY.plusDays(4), MONDAY,
                MONDAY.plusDays(6), Map.of("TAKEN", 5, "SKIPPED", 1));
        assertThat(stopped.dosesDue()).isEqualTo(6);
        assertThat(stopped.percent()).isEqualByComparingTo("100.0");
    }

    @Test
    void onlyTheScheduledWeekdaysHaveDosesAndAsNeededHasNoPercentage() {
        MedicationSchedule mondaysAndThursdays = new MedicationSchedule(List.of("09:00"), List.of("MON", "THU"), false);
        AdherenceSummary twoWeeks = AdherenceSummary.of(mondaysAndThursdays, MONDAY, null, MONDAY, MONDAY.plusDays(13),
                Map.of("TAKEN", 3));
        assertThat(twoWeeks.dosesDue()).isEqualTo(4);
        assertThat(twoWeeks.percent()).isEqualByComparingTo("75.0");

        AdherenceSummary asNeeded = AdherenceSummary.of(new MedicationSchedule(null, null, true), MONDAY, null, MONDAY,
                MONDAY.plusDays(6), Map.of("TAKEN", 3));
        assertThat(asNeeded.dosesDue()).isZero();
        assertThat(asNeeded.percent()).isNull();
    }
}
