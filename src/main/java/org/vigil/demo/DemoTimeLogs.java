package org.vigil.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The care team's logged time, month by month: the nurse's calls and data reviews (clinical staff
 * time) and the physician's own reviews. Months differ on purpose — some patients well past 20
 * minutes with a live call, some between 10 and 20, a few with only a short review — so the billing
 * board shows met, partly met and missing time. The current month is scaled to the days gone by.
 * Each clinician's entries are laid end to end in office hours, so they never overlap.
 */
final class DemoTimeLogs {

    /** One log: who ({@code "nurse"} or {@code "physician"}), for which patient and enrollment. */
    record Entry(String clinician, int patient, int enrollment, String activity, Instant startedAt, int minutes,
            boolean interactive, String notes) {
    }

    private final DemoDays days;
    private final Map<String, LocalTime> nextFree = new HashMap<>();
    private final List<Entry> entries = new ArrayList<>();

    private DemoTimeLogs(DemoDays days) {
        this.days = days;
    }

    static List<Entry> of(List<DemoPatient> patients, DemoDays days) {
        DemoTimeLogs logs = new DemoTimeLogs(days);
        for (int p = 0; p < patients.size(); p++) {
            DemoPatient patient = patients.get(p);
            LocalDate enrolled = days.firstDay().plusDays(patient.enrolledAfterDays());
            for (int e = 0; e < patient.enrollments().size(); e++) {
                logs.enrollment(p, e, patient, patient.enrollments().get(e).plan(), enrolled);
            }
        }
        return logs.entries;
    }

    private void enrollment(int p, int e, DemoPatient patient, DemoPlan plan, LocalDate enrolled) {
        LocalDate yesterday = days.today().minusDays(1);
        for (YearMonth month = YearMonth.from(enrolled); !month.isAfter(YearMonth.from(yesterday)); month = month.plusMonths(1)) {
            Random random = new Random(patient.number() * 1_000L + e * 100L + month.getMonthValue());
            LocalDate from = month.atDay(1).isBefore(enrolled) ? enrolled : month.atDay(1);
            LocalDate to = month.atEndOfMonth().isAfter(yesterday) ? yesterday : month.atEndOfMonth();
            if (from.isAfter(to)) {
                continue;
            }
            double share = Math.min(1, (to.getDayOfMonth() - from.getDayOfMonth() + 1) / 24.0);
            int target = (int) Math.round(targetMinutes(random, plan) * share);
            boolean called = false;
            while (target >= 4) {
                boolean call = !called && target >= 8;
                int minutes = call ? Math.min(target, 8 + random.nextInt(10)) : Math.min(target, 4 + random.nextInt(9));
                String activity = call ? "CALL_PATIENT" : List.of("REVIEW_DATA", "REVIEW_DATA", "DOCUMENTATION",
                        "COORDINATION", "MEDICATION_ADJUSTMENT", "EDUCATION").get(random.nextInt(6));
                add("nurse", p, e, activity, day(random, from, to), minutes, call, call
                        ? "Phone call with the patient: reviewed readings and symptoms, reinforced the care plan."
                        : "Reviewed the readings and updated the care plan.");
                called |= call;
                target -= minutes;
            }
            if (plan != DemoPlan.APCM && plan != DemoPlan.BHI && random.nextInt(3) > 0) {
                add("physician", p, e, random.nextBoolean() ? "REVIEW_DATA" : "CARE_PLAN_UPDATE", day(random, from, to),
                        6 + random.nextInt(10), false, "Physician review of the month's data and the care plan.");
            }
        }
    }

    /** A month's clinical-staff minutes: mostly 20–30 (with a live call), some 10–19, some 40+, a few under 10. */
    private static int targetMinutes(Random random, DemoPlan plan) {
        if (plan == DemoPlan.APCM) {
            return 8;
        }
        int roll = random.nextInt(100);
        if (roll < 12) {
            return 5 + random.nextInt(4);
        } else if (roll < 35) {
            return 11 + random.nextInt(8);
        } else if (roll < 85) {
            return 21 + random.nextInt(10);
        }
        return plan == DemoPlan.PCM ? 32 + random.nextInt(10) : 41 + random.nextInt(10);
    }

    private static LocalDate day(Random random, LocalDate from, LocalDate to) {
        int span = to.getDayOfMonth() - from.getDayOfMonth() + 1;
        return from.plusDays(random.nextInt(span));
    }

    private void add(String clinician, int p, int e, String activity, LocalDate day, int minutes, boolean interactive,
            String notes) {
        String key = clinician + day;
        LocalTime start = nextFree.getOrDefault(key, LocalTime.of(8, 30));
        if (start.isAfter(LocalTime.of(17, 30))) {
            return;
        }
        nextFree.put(key, start.plusMinutes(minutes + 5L));
        entries.add(new Entry(clinician, p, e, activity, days.at(day, start), minutes, interactive, notes));
    }
}
