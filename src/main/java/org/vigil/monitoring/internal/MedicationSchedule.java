package org.vigil.monitoring.internal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * When doses are due: at each of {@code timesOfDay} (local "HH:mm", the organization's time
 * zone), on every day or only on {@code daysOfWeek} ("MON".."SUN"). An as-needed medication has no
 * due doses, so adherence is not computed for it.
 */
record MedicationSchedule(
        @Size(max = 12) List<@NotNull @Pattern(regexp = "^([01][0-9]|2[0-3]):[0-5][0-9]$",
                message = "must be a time of day as HH:mm") String> timesOfDay,
        @Size(max = 7) List<@NotNull @Pattern(regexp = "^(MON|TUE|WED|THU|FRI|SAT|SUN)$",
                message = "must be MON, TUE, WED, THU, FRI, SAT or SUN") String> daysOfWeek,
        Boolean asNeeded) {

    /** Absent lists become empty, an absent flag false: the stored form has every field. */
    MedicationSchedule normalized() {
        return new MedicationSchedule(timesOfDay == null ? List.of() : timesOfDay,
                daysOfWeek == null ? List.of() : daysOfWeek, isAsNeeded());
    }

    boolean isAsNeeded() {
        return Boolean.TRUE.equals(asNeeded);
    }

    int dosesPerDay() {
        return isAsNeeded() || timesOfDay == null ? 0 : timesOfDay.size();
    }

    /** Doses due on {@code date}: none on a day outside {@code daysOfWeek} or for an as-needed drug. */
    int dosesDueOn(LocalDate date) {
        if (daysOfWeek != null && !daysOfWeek.isEmpty()) {
            String day = date.getDayOfWeek().name().substring(0, 3);
            if (!daysOfWeek.contains(day)) {
                return 0;
            }
        }
        return dosesPerDay();
    }
}
