package org.vigil.demo;

import static org.vigil.demo.DemoCourse.CRISIS;
import static org.vigil.demo.DemoCourse.EPISODE;
import static org.vigil.demo.DemoCourse.SPARSE;
import static org.vigil.demo.DemoCourse.STOPPED;
import static org.vigil.demo.DemoCourse.WORSENING;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Invented home readings for one enrollment: one to three measurements a day with physiological
 * noise and a circadian pattern (blood pressure higher in the morning, glucose after meals), shaped
 * by the patient's {@link DemoCourse}. Device readings for remote physiologic monitoring, readings
 * the patient enters for everything else. Deterministic: the patient's number seeds the noise.
 */
final class DemoReadings {

    record Reading(String metric, Number value, Instant recordedAt) {
    }

    private final DemoPatient patient;
    private final DemoDays days;
    private final Random random;
    private final boolean device;
    private final List<Reading> readings = new ArrayList<>();

    private DemoReadings(DemoPatient patient, DemoPatient.Enrollment enrollment, DemoDays days) {
        this.patient = patient;
        this.days = days;
        this.random = new Random(patient.number() * 7_919L + enrollment.preset().hashCode());
        this.device = enrollment.plan() == DemoPlan.RPM;
    }

    /** Every reading of the enrollment from its first day up to now, oldest first. */
    static List<Reading> of(DemoPatient patient, DemoPatient.Enrollment enrollment, DemoDays days, LocalDate from) {
        DemoReadings generator = new DemoReadings(patient, enrollment, days);
        switch (enrollment.preset()) {
            case DemoRoster.HYPERTENSION -> generator.bloodPressure(from);
            case DemoRoster.DIABETES -> generator.glucose(from);
            case DemoRoster.HEART_FAILURE -> generator.heartFailure(from);
            case DemoRoster.COPD -> generator.copd(from);
            case DemoRoster.LOW_BACK_PAIN, DemoRoster.KNEE -> generator.pain(from);
            default -> {
                // Depression and anxiety are followed with questionnaires only.
            }
        }
        generator.readings.sort(Comparator.comparing(Reading::recordedAt));
        return generator.readings;
    }

    private void bloodPressure(LocalDate from) {
        DemoCourse course = patient.course();
        int systolic = course == CRISIS ? 146 : 122 + random.nextInt(12);
        int diastolic = 72 + random.nextInt(8);
        int pulse = 62 + random.nextInt(16);
        for (LocalDate day = from; !day.isAfter(days.today()); day = day.plusDays(1)) {
            if (!measures(day)) {
                continue;
            }
            double drift = drift(day, 24);
            add(day, time(6, 30, 120), bp(systolic + 4 + drift, diastolic, pulse));
            if (device && random.nextDouble() < (course == SPARSE ? 0.2 : 0.55)) {
                add(day, time(19, 0, 150), bp(systolic - 3 + drift, diastolic, pulse));
            }
        }
        if (course == CRISIS) {
            replaceLast("bp_systolic", 186);
            replaceLast("bp_diastolic", 112);
        } else if (course == WORSENING) {
            atLeast("bp_systolic", 3, 141);
        } else if (course == EPISODE) {
            atLeastBefore(days.episodeCut(), "bp_systolic", 3, 141);
        }
    }

    private List<Reading> bp(double systolicMean, int diastolicBase, int pulseBase) {
        long systolic = Math.round(systolicMean + random.nextGaussian() * 6);
        long diastolic = Math.round(diastolicBase + (systolicMean - 125) * 0.4 + random.nextGaussian() * 3.5);
        long pulse = Math.round(pulseBase + random.nextGaussian() * 5);
        return List.of(new Reading("bp_systolic", systolic, null), new Reading("bp_diastolic", diastolic, null),
                new Reading("heart_rate", pulse, null));
    }

    private void glucose(LocalDate from) {
        DemoCourse course = patient.course();
        int fasting = 106 + random.nextInt(26);
        for (LocalDate day = from; !day.isAfter(days.today()); day = day.plusDays(1)) {
            if (!measures(day)) {
                continue;
            }
            double drift = drift(day, 85);
            if (course == EPISODE && days.daysAgo(day) == 3) {
                add(day, time(6, 15, 60), List.of(new Reading("blood_glucose", 63, null)));
                continue;
            }
            add(day, time(6, 15, 90), List.of(new Reading("blood_glucose", glucose(fasting + drift, 12), null)));
            if (random.nextDouble() < (device ? 0.6 : 0.25)) {
                add(day, time(19, 0, 120), List.of(new Reading("blood_glucose", glucose(fasting + 45 + drift, 20), null)));
            }
        }
        if (course == WORSENING) {
            Reading last = last("blood_glucose");
            replaceLast("blood_glucose", Math.max(last.value().intValue(), 262 + random.nextInt(25)));
        } else if (course == CRISIS) {
            replaceLast("blood_glucose", 48);
        }
    }

    private long glucose(double mean, double spread) {
        return Math.max(45, Math.round(mean + random.nextGaussian() * spread));
    }

    private void heartFailure(LocalDate from) {
        DemoCourse course = patient.course();
        double weight = 68 + random.nextInt(340) / 10.0;
        int systolic = 112 + random.nextInt(14);
        int diastolic = 68 + random.nextInt(8);
        int pulse = 66 + random.nextInt(14);
        for (LocalDate day = from; !day.isAfter(days.today()); day = day.plusDays(1)) {
            if (!measures(day)) {
                continue;
            }
            long ago = days.daysAgo(day);
            double gain = 0;
            if (course == WORSENING && ago < 8) {
                gain = 0.6 * (8 - ago);
            } else if (course == EPISODE && ago >= 3 && ago <= 9) {
                gain = 0.9 * (10 - ago);
            }
            LocalTime morning = time(6, 30, 75);
            // Fluid retention is steady gain: less day-to-day noise while it lasts.
            double kilograms = Math.round((weight + gain + random.nextGaussian() * (gain > 0 ? 0.1 : 0.25)) * 10) / 10.0;
            add(day, morning, List.of(new Reading("weight", kilograms, null)));
            add(day, morning.plusMinutes(4), bp(systolic + gain * 2, diastolic, pulse + (int) Math.round(gain * 2)));
        }
    }

    private void copd(LocalDate from) {
        DemoCourse course = patient.course();
        int saturation = 92 + random.nextInt(3);
        int pulse = 76 + random.nextInt(10);
        int breaths = 16 + random.nextInt(3);
        int peakFlow = 220 + random.nextInt(120);
        for (LocalDate day = from; !day.isAfter(days.today()); day = day.plusDays(1)) {
            if (!measures(day)) {
                continue;
            }
            long ago = days.daysAgo(day);
            double worse = course == WORSENING ? Math.max(0, 1 - ago / 6.0) : 0;
            boolean tachycardic = course == EPISODE && ago >= 3 && ago <= 6;
            int times = device && random.nextDouble() < 0.6 ? 2 : 1;
            for (int i = 0; i < times; i++) {
                LocalTime at = i == 0 ? time(7, 0, 90) : time(18, 30, 150);
                long spo2 = Math.min(99, Math.round(saturation - 6.5 * worse + random.nextGaussian() * 1.1));
                long heartRate = tachycardic ? 104 + random.nextInt(7)
                        : Math.round(pulse + 12 * worse + random.nextGaussian() * 4.5);
                List<Reading> measured = new ArrayList<>(List.of(new Reading("spo2", spo2, null),
                        new Reading("heart_rate", heartRate, null)));
                if (device) {
                    measured.add(new Reading("respiratory_rate",
                            Math.round(breaths + 5 * worse + random.nextGaussian() * 1.2), null));
                }
                if (i == 0) {
                    measured.add(new Reading("peak_flow", Math.round(peakFlow - 70 * worse + random.nextGaussian() * 15),
                            null));
                }
                add(day, at, measured);
            }
        }
        if (course == WORSENING) {
            atMost("spo2", 3, 87);
        }
    }

    private void pain(LocalDate from) {
        DemoCourse course = patient.course();
        int usual = 3 + random.nextInt(3);
        for (LocalDate day = from; !day.isAfter(days.today()); day = day.plusDays(1)) {
            long ago = days.daysAgo(day);
            boolean flare = course == EPISODE && ago >= 3 && ago <= 6;
            if (!flare && !measures(day)) {
                continue;
            }
            double mean = usual + (course == WORSENING ? 4.2 * Math.max(0, 1 - ago / 10.0) : 0);
            long rating = flare ? 7 + random.nextInt(2) : Math.round(mean + random.nextGaussian() * 0.9);
            if (course == WORSENING && ago <= 3) {
                rating = Math.max(rating, 7);
            }
            add(day, time(19, 30, 120), List.of(new Reading("pain_nrs", Math.max(0, Math.min(10, rating)), null)));
        }
    }

    /** Whether the patient measured that day, by course; worsening and crisis patients measure every recent day. */
    private boolean measures(LocalDate day) {
        long ago = days.daysAgo(day);
        return switch (patient.course()) {
            case SPARSE -> random.nextDouble() < 0.42;
            case STOPPED -> ago > stoppedDaysAgo() && random.nextDouble() < 0.9;
            case WORSENING, CRISIS -> ago <= 3 || random.nextDouble() < 0.92;
            case EPISODE -> (ago >= 3 && ago <= 6) || random.nextDouble() < 0.92;
            default -> random.nextDouble() < 0.92;
        };
    }

    private int stoppedDaysAgo() {
        // Pain ratings are missed after 7 silent days, vital signs after 2 or 3.
        return patient.preset().equals(DemoRoster.LOW_BACK_PAIN) || patient.preset().equals(DemoRoster.KNEE) ? 8 : 4;
    }

    /** How far a worsening patient's values have moved on that day: 0 until two weeks ago, then up to {@code by}. */
    private double drift(LocalDate day, double by) {
        long ago = days.daysAgo(day);
        return switch (patient.course()) {
            case WORSENING -> by * Math.max(0, 1 - ago / 14.0);
            case EPISODE -> ago >= 3 && ago <= 6 ? by * 0.9 : 0;
            default -> 0;
        };
    }

    private LocalTime time(int hour, int minute, int spreadMinutes) {
        return LocalTime.of(hour, minute).plusMinutes(random.nextInt(spreadMinutes));
    }

    private void add(LocalDate day, LocalTime time, List<Reading> measured) {
        Instant at = days.at(day, time);
        if (!days.past(at)) {
            return;
        }
        for (Reading reading : measured) {
            readings.add(new Reading(reading.metric(), reading.value(), at));
        }
    }

    private Reading last(String metric) {
        return readings.stream().filter(r -> r.metric().equals(metric)).max(Comparator.comparing(Reading::recordedAt)).orElseThrow();
    }

    /** Raises the last {@code count} values of the metric to at least {@code floor} (plus a little noise). */
    private void atLeast(String metric, int count, int floor) {
        atLeastBefore(days.now().plusSeconds(1), metric, count, floor);
    }

    private void atLeastBefore(Instant end, String metric, int count, int floor) {
        for (Reading reading : lastOf(metric, count, end)) {
            replace(reading, Math.max(reading.value().intValue(), floor + random.nextInt(8)));
        }
    }

    /** Lowers the last {@code count} values of the metric to at most {@code ceiling} (minus a little noise). */
    private void atMost(String metric, int count, int ceiling) {
        for (Reading reading : lastOf(metric, count, days.now().plusSeconds(1))) {
            replace(reading, Math.min(reading.value().intValue(), ceiling - random.nextInt(3)));
        }
    }

    private List<Reading> lastOf(String metric, int count, Instant end) {
        List<Reading> ofMetric = readings.stream().filter(r -> r.metric().equals(metric) && r.recordedAt().isBefore(end))
                .sorted(Comparator.comparing(Reading::recordedAt)).toList();
        return ofMetric.subList(Math.max(0, ofMetric.size() - count), ofMetric.size());
    }

    private void replaceLast(String metric, Number value) {
        replace(last(metric), value);
    }

    private void replace(Reading reading, Number value) {
        readings.set(readings.indexOf(reading), new Reading(reading.metric(), value, reading.recordedAt()));
    }
}
