package org.vigil.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The usual home medications of each preset, and for one patient in five a month of dose-by-dose
 * adherence as the patient app records it (taken on time, late, now and then missed — more often
 * for patients who also skip their measurements).
 */
final class DemoMedications {

    /** A medication as prescribed; {@code times} are local times of day. */
    record Medication(String name, double dose, String unit, String route, List<String> times, String instructions) {
    }

    static final int ADHERENCE_DAYS = 30;

    private DemoMedications() {
    }

    static List<Medication> of(String preset) {
        return switch (preset) {
            case DemoRoster.HYPERTENSION -> List.of(
                    new Medication("Lisinopril", 20, "mg", "oral", List.of("08:00"), "Take in the morning."),
                    new Medication("Amlodipine", 5, "mg", "oral", List.of("20:00"), "Take in the evening."));
            case DemoRoster.DIABETES -> List.of(
                    new Medication("Metformin", 1000, "mg", "oral", List.of("08:00", "19:00"), "Take with meals."));
            case DemoRoster.HEART_FAILURE -> List.of(
                    new Medication("Furosemide", 40, "mg", "oral", List.of("08:00"), "Weigh yourself before the dose."),
                    new Medication("Carvedilol", 12.5, "mg", "oral", List.of("08:00", "20:00"), "Take with food."));
            case DemoRoster.COPD -> List.of(
                    new Medication("Tiotropium inhalation powder", 18, "ug", "inhaled", List.of("09:00"),
                            "One inhalation daily."));
            case DemoRoster.LOW_BACK_PAIN, DemoRoster.KNEE -> List.of(
                    new Medication("Naproxen", 500, "mg", "oral", List.of("08:00", "20:00"), "Take with food."));
            case DemoRoster.DEPRESSION -> List.of(
                    new Medication("Sertraline", 100, "mg", "oral", List.of("09:00"), "Take every morning."));
            default -> List.of(
                    new Medication("Escitalopram", 10, "mg", "oral", List.of("09:00"), "Take every morning."));
        };
    }

    static Map<String, Object> request(Medication medication, String prescriberId, LocalDate start) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("medicationName", medication.name());
        body.put("doseAmount", medication.dose());
        body.put("doseUnit", medication.unit());
        body.put("route", medication.route());
        body.put("schedule", Map.of("timesOfDay", medication.times()));
        body.put("prescriberId", prescriberId);
        body.put("startDate", start.toString());
        body.put("instructions", medication.instructions());
        return body;
    }

    /** Whether the patient's app records adherence of the first medication (one patient in five). */
    static boolean tracked(DemoPatient patient) {
        return patient.number() % 5 == 1;
    }

    /** The outcome of every scheduled dose of the last {@link #ADHERENCE_DAYS} days up to now. */
    static List<Map<String, Object>> doses(DemoPatient patient, Medication medication, DemoDays days) {
        Random random = new Random(patient.number() * 31L + medication.name().hashCode());
        boolean careless = patient.course() == DemoCourse.SPARSE || patient.course() == DemoCourse.STOPPED;
        List<Map<String, Object>> doses = new ArrayList<>();
        for (LocalDate day = days.today().minusDays(ADHERENCE_DAYS - 1); !day.isAfter(days.today()); day = day.plusDays(1)) {
            for (String time : medication.times()) {
                Instant scheduled = days.at(day, LocalTime.parse(time));
                double roll = random.nextDouble();
                Map<String, Object> dose = new LinkedHashMap<>();
                dose.put("scheduledFor", scheduled.toString());
                if (roll < (careless ? 0.3 : 0.05)) {
                    dose.put("status", "MISSED");
                } else if (roll < (careless ? 0.42 : 0.12)) {
                    dose.put("status", "LATE");
                    dose.put("takenAt", scheduled.plusSeconds(60L * (90 + random.nextInt(150))).toString());
                } else {
                    dose.put("status", "TAKEN");
                    dose.put("takenAt", scheduled.plusSeconds(60L * random.nextInt(40)).toString());
                }
                Instant taken = dose.containsKey("takenAt") ? Instant.parse((String) dose.get("takenAt")) : scheduled;
                if (days.past(taken) && days.past(scheduled.plusSeconds(3_600))) {
                    doses.add(dose);
                }
            }
        }
        return doses;
    }
}
