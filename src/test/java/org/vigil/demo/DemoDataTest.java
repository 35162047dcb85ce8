package org.vigil.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.demo.DemoReadings.Reading;

/** The demo's invented data, without a database: the roster, the shape of the readings, the time logs. */
class DemoDataTest {

    private final DemoDays days = new DemoDays(Instant.parse("2026-12-06T14:30:00Z"), ZoneId.of("America/New_York"));
    private final List<DemoPatient> patients = DemoRoster.patients(days.today());

    @Test
    void fiftyPatientsAcrossTheEightPresetsTheSameEveryTime() {
        assertThat(patients).hasSize(DemoRoster.SIZE);
        assertThat(patients.stream().map(DemoPatient::preset).distinct()).hasSize(8);
        assertThat(patients.stream().map(p -> p.firstName() + " " + p.lastName()).distinct()).hasSize(DemoRoster.SIZE);
        assertThat(DemoRoster.patients(days.today())).isEqualTo(patients);
        assertThat(patients).allSatisfy(p -> assertThat(p.enrolledAfterDays()).isBetween(0, 14));
        assertThat(patients.stream().filter(p -> p.enrollments().get(0).plan() != DemoPlan.BHI))
                .allSatisfy(p -> assertThat(p.dateOfBirth()).isBefore(days.today().minusYears(65)));
    }

    @Test
    void readingsCoverTheDaysUpToNowAndNeverLater() {
        DemoPatient steady = patients.get(0);
        List<Reading> readings = DemoReadings.of(steady, steady.enrollments().get(0), days, days.firstDay());
        assertThat(readings).allSatisfy(r -> assertThat(r.recordedAt()).isBeforeOrEqualTo(days.now()));
        long measuredDays = readings.stream().map(r -> r.recordedAt().atZone(days.zone()).toLocalDate()).distinct().count();
        assertThat(measuredDays).as("about nine days in ten of 61").isBetween(48L, 61L);
        assertThat(readings.stream().filter(r -> r.metric().equals("bp_systolic")).mapToInt(r -> r.value().intValue()))
                .allSatisfy(v -> assertThat(v).isBetween(95, 165));
    }

    @Test
    void coursesShapeTheLatestValuesSoRulesHoldOrNot() {
        assertThat(last(course("Hypertension", DemoCourse.CRISIS), "bp_systolic", 1)).containsExactly(186);
        assertThat(last(course("Hypertension", DemoCourse.WORSENING), "bp_systolic", 3)).allSatisfy(v -> assertThat(v)
                .isGreaterThanOrEqualTo(140));
        assertThat(last(course("Hypertension", DemoCourse.STEADY), "bp_systolic", 3)).anySatisfy(v -> assertThat(v)
                .isLessThan(140));
        assertThat(last(course("COPD", DemoCourse.WORSENING), "spo2", 3)).allSatisfy(v -> assertThat(v).isLessThan(88));
        assertThat(last(course("Type 2 diabetes", DemoCourse.CRISIS), "blood_glucose", 1)).containsExactly(48);
        assertThat(last(course("Chronic low back pain", DemoCourse.WORSENING), "pain_nrs", 3))
                .allSatisfy(v -> assertThat(v).isGreaterThanOrEqualTo(7));
        DemoPatient heart = course("Heart failure", DemoCourse.WORSENING);
        List<Reading> lastWeek = DemoReadings.of(heart, heart.enrollments().get(0), days, days.firstDay()).stream()
                .filter(r -> r.metric().equals("weight") && r.recordedAt().isAfter(days.now().minus(java.time.Duration.ofDays(7))))
                .toList();
        assertThat(lastWeek.get(lastWeek.size() - 1).value().doubleValue() - lastWeek.get(0).value().doubleValue())
                .as("gain over the week, kg").isGreaterThan(2.268);
        DemoPatient stopped = course("Hypertension", DemoCourse.STOPPED);
        Instant lastReading = DemoReadings.of(stopped, stopped.enrollments().get(0), days, days.firstDay()).stream()
                .map(Reading::recordedAt).max(Instant::compareTo).orElseThrow();
        assertThat(lastReading).isBefore(days.now().minus(java.time.Duration.ofDays(4)));
    }

    @Test
    void sparsePatientsMeasureOnFewerThanHalfOfTheDays() {
        DemoPatient sparse = course("Hypertension", DemoCourse.SPARSE);
        long measured = DemoReadings.of(sparse, sparse.enrollments().get(0), days, days.firstDay()).stream()
                .map(r -> r.recordedAt().atZone(days.zone()).toLocalDate()).distinct().count();
        assertThat(measured).isBetween(15L, 30L);
    }

    @Test
    void questionnairesEndInTheSevereBandOnlyForWorseningPatients() {
        DemoPatient worse = course("Depression", DemoCourse.WORSENING);
        List<DemoQuestionnaires.Submission> phq9 = DemoQuestionnaires.of(worse, days, days.firstDay()).stream()
                .filter(s -> s.template().equals("phq9")).toList();
        assertThat(phq9).hasSizeGreaterThanOrEqualTo(4);
        assertThat(total(phq9.get(phq9.size() - 1).answers())).isGreaterThanOrEqualTo(20);
        assertThat(phq9.subList(0, phq9.size() - 1)).allSatisfy(s -> assertThat(total(s.answers())).isLessThan(20));
        DemoPatient crisis = course("Depression", DemoCourse.CRISIS);
        List<DemoQuestionnaires.Submission> crisisPhq9 = DemoQuestionnaires.of(crisis, days, days.firstDay()).stream()
                .filter(s -> s.template().equals("phq9")).toList();
        assertThat(crisisPhq9.get(crisisPhq9.size() - 1).answers()).containsEntry("phq9_item9", 1);
        assertThat(crisisPhq9.get(0).answers()).containsEntry("phq9_item9", 0);
    }

    @Test
    void oneClinicianNeverLogsOverlappingTime() {
        List<DemoTimeLogs.Entry> entries = DemoTimeLogs.of(patients, days);
        assertThat(entries).hasSizeGreaterThan(150);
        for (String clinician : List.of("nurse", "physician")) {
            List<DemoTimeLogs.Entry> own = entries.stream().filter(e -> e.clinician().equals(clinician))
                    .sorted(java.util.Comparator.comparing(DemoTimeLogs.Entry::startedAt)).toList();
            for (int i = 1; i < own.size(); i++) {
                Instant previousEnd = own.get(i - 1).startedAt().plusSeconds(60L * own.get(i - 1).minutes());
                assertThat(own.get(i).startedAt()).isAfterOrEqualTo(previousEnd);
            }
        }
        assertThat(entries).allSatisfy(e -> assertThat(e.startedAt().plusSeconds(60L * e.minutes()))
                .isBefore(days.startOf(days.today())));
    }

    private DemoPatient course(String preset, DemoCourse course) {
        return patients.stream().filter(p -> p.preset().equals(preset) && p.course() == course).findFirst().orElseThrow();
    }

    private List<Integer> last(DemoPatient patient, String metric, int count) {
        List<Integer> values = DemoReadings.of(patient, patient.enrollments().get(0), days, days.firstDay()).stream()
                .filter(r -> r.metric().equals(metric)).map(r -> r.value().intValue()).toList();
        return values.subList(values.size() - count, values.size());
    }

    private static int total(Map<String, Integer> answers) {
        return answers.entrySet().stream().filter(e -> !e.getKey().endsWith("difficulty")).mapToInt(Map.Entry::getValue).sum();
    }

    @Test
    void everyDayOfTheSpanIsInThePast() {
        assertThat(days.firstDay()).isEqualTo(LocalDate.of(2026, 10, 7));
        assertThat(days.episodeCut()).isBefore(days.now());
    }
}
