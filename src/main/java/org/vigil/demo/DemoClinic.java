package org.vigil.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.vigil.demo.DemoPatient.Diagnosis;
import org.vigil.demo.DemoPatient.Enrollment;
import org.vigil.demo.DemoReadings.Reading;
import tools.jackson.databind.JsonNode;

/**
 * Everything clinical in the demo, created over the REST API exactly as a clinic would: the
 * administrator registers clinicians, programs, patients and enrollments; the nurse sends readings
 * and questionnaires, records medications, logs time and works the alert queue; the physician logs
 * time, claims an alert and writes notes. Alerts are raised by the rule engine from the readings,
 * never written directly.
 */
final class DemoClinic {

    /** Ids of the accounts and catalog rows the clinic needs, found or created before it starts. */
    record Setup(String nurseUserId, String physicianUserId, Map<String, String> billingPrograms) {
    }

    private static final int PARALLEL = 3;

    private final DemoApi admin;
    private final DemoApi nurse;
    private final DemoApi physician;
    private final DemoDays days;
    private final Setup setup;
    private final Runnable awaitEvaluation;
    private final List<DemoPatient> patients;
    private final List<String> patientIds;
    private final List<List<String>> enrollmentIds = new ArrayList<>();
    private String nurseClinician;
    private String physicianClinician;

    DemoClinic(DemoApi admin, DemoApi nurse, DemoApi physician, DemoDays days, Setup setup, Runnable awaitEvaluation) {
        this.admin = admin;
        this.nurse = nurse;
        this.physician = physician;
        this.days = days;
        this.setup = setup;
        this.awaitEvaluation = awaitEvaluation;
        this.patients = DemoRoster.patients(days.today());
        this.patientIds = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(patients.size(), null)));
    }

    void populate() {
        Stopwatch watch = new Stopwatch();
        clinicians();
        Map<DemoPlan, String> programs = carePrograms();
        Map<String, String> presets = byName(admin.get("/api/v1/library/condition-presets?standardized=true"), "name");
        Map<String, String> templates = byName(admin.get("/api/v1/library/assessment-templates?standardized=true"), "key");
        // Patients are independent of each other: a few are set up at a time, each one's steps in order.
        // An episode patient's readings wait: judged up to the cut, they open the alerts the nurse works
        // next, and the days since follow at once.
        List<List<String>> enrolled = inParallel(patients.size(), p -> {
            List<String> enrollments = enroll(patients.get(p), programs, presets);
            if (patients.get(p).course() != DemoCourse.EPISODE) {
                sendReadings(p, Part.ALL);
            }
            return enrollments;
        });
        enrollmentIds.addAll(enrolled);
        watch.lap("patients, enrollments and readings");
        // The episodes: their readings up to the cut, their alerts worked, then the days since.
        for (int p = 0; p < patients.size(); p++) {
            sendReadings(p, Part.UNTIL_CUT);
        }
        awaitEvaluation.run();
        DemoTriage triage = new DemoTriage(nurse, physician, patientIds, patients);
        triage.work();
        for (int p = 0; p < patients.size(); p++) {
            sendReadings(p, Part.SINCE_CUT);
        }
        watch.lap("episodes and triage");
        inParallel(patients.size(), p -> {
            submitQuestionnaires(p, templates);
            return null;
        });
        watch.lap("questionnaires");
        medications();
        watch.lap("medications and adherence");
        timeLogs();
        watch.lap("time logs");
        awaitEvaluation.run();
        new DemoFollowUp(nurse, physician, days, setup).create(patients, patientIds, triage.openByPatient());
        watch.lap("tasks and notes");
    }

    /** Logs how long each step took (counts and durations only). */
    private static final class Stopwatch {

        private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoClinic.class);
        private long last = System.nanoTime();

        void lap(String step) {
            long now = System.nanoTime();
            log.info("Demo organization: {} in {} ms", step, (now - last) / 1_000_000);
            last = now;
        }
    }

    private void clinicians() {
        physicianClinician = admin.create("/api/v1/clinicians", Map.of("firstName", "Grace", "lastName", "Hopper",
                "email", "physician@" + DemoOrganization.DOMAIN, "npiNumber", "1234567893", "credentials", "MD",
                "specialization", "Internal Medicine", "userId", setup.physicianUserId()));
        nurseClinician = admin.create("/api/v1/clinicians", Map.of("firstName", "Florence", "lastName", "Nightingale",
                "email", "nurse@" + DemoOrganization.DOMAIN, "credentials", "RN", "department", "Care management",
                "userId", setup.nurseUserId()));
    }

    private Map<DemoPlan, String> carePrograms() {
        Map<DemoPlan, String> programs = new LinkedHashMap<>();
        for (DemoPlan plan : DemoPlan.values()) {
            programs.put(plan, admin.create("/api/v1/care-programs", Map.of("name", plan.programName,
                    "type", plan.careProgramType, "description", plan.description)));
        }
        return programs;
    }

    /** Registers the patient with diagnoses, consents and enrollments; returns the enrollment ids. */
    private List<String> enroll(DemoPatient patient, Map<DemoPlan, String> programs, Map<String, String> presets) {
        String id = admin.create("/api/v1/patients", patient.request());
        patientIds.set(patients.indexOf(patient), id);
        LocalDate enrolled = enrolledOn(patient);
        for (int i = 0; i < patient.diagnoses().size(); i++) {
            Diagnosis diagnosis = patient.diagnoses().get(i);
            admin.post("/api/v1/patients/" + id + "/diagnoses", Map.of("icd10Code", diagnosis.icd10(),
                    "label", diagnosis.label(), "isPrimary", i == 0,
                    "onsetDate", enrolled.minusYears(2 + (patient.number() + i) % 9).minusDays(patient.number() * 5L).toString()));
        }
        List<String> enrollments = new ArrayList<>();
        for (Enrollment enrollment : patient.enrollments()) {
            DemoPlan plan = enrollment.plan();
            admin.post("/api/v1/patients/" + id + "/consents", Map.of("type", "PROGRAM", "programType",
                    plan.careProgramType, "consentedOn", enrolled.minusDays(1).toString(), "method",
                    patient.number() % 2 == 0 ? "WRITTEN" : "VERBAL", "costSharingAcknowledged", true));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("patientId", id);
            body.put("clinicianId", physicianClinician);
            body.put("careProgramId", programs.get(plan));
            body.put("startDate", days.startOf(enrolled).toString());
            body.put("conditionPresetId", presets.get(enrollment.preset()));
            body.put("billingProgramId", setup.billingPrograms().get(plan.billingProgramCode));
            if (plan.attested) {
                body.put("billingEligibility", Map.of("eligible", true, "consent", true,
                        "chronicConditions", patient.diagnoses().stream().map(Diagnosis::icd10).toList()));
            }
            enrollments.add(admin.create("/api/v1/enrollments", body));
        }
        return enrollments;
    }

    /** Which of a patient's readings to send: all of them, or an episode patient's before or after the cut. */
    private enum Part {
        ALL, UNTIL_CUT, SINCE_CUT
    }

    /** The patient's readings, one batch per enrollment. */
    private void sendReadings(int index, Part part) {
        DemoPatient patient = patients.get(index);
        boolean episode = patient.course() == DemoCourse.EPISODE;
        if (episode == (part == Part.ALL)) {
            return;
        }
        for (Enrollment enrollment : patient.enrollments()) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (Reading reading : DemoReadings.of(patient, enrollment, days, enrolledOn(patient))) {
                boolean sinceCut = !reading.recordedAt().isBefore(days.episodeCut());
                if (part != Part.ALL && sinceCut != (part == Part.SINCE_CUT)) {
                    continue;
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("patientId", patientIds.get(index));
                body.put("metric", reading.metric());
                body.put("value", reading.value());
                body.put("recordedAt", reading.recordedAt().toString());
                body.put("source", enrollment.plan().readingSource);
                batch.add(body);
            }
            if (!batch.isEmpty()) {
                nurse.post("/api/v1/observations", Map.of("readings", batch));
            }
        }
    }

    private void submitQuestionnaires(int p, Map<String, String> templates) {
        DemoPatient patient = patients.get(p);
        List<DemoApi.Request> requests = new ArrayList<>();
        for (DemoQuestionnaires.Submission submission : DemoQuestionnaires.of(patient, days, enrolledOn(patient))) {
            requests.add(new DemoApi.Request("/api/v1/patients/" + patientIds.get(p) + "/assessments", Map.of(
                    "templateId", templates.get(submission.template()), "answers", submission.answers(),
                    "completedAt", submission.completedAt().toString(), "enrollmentId", enrollmentIds.get(p).get(0))));
        }
        // One patient's questionnaires in order: each completes the scheduled one and schedules the next.
        for (DemoApi.Request request : requests) {
            nurse.post(request.path(), request.body());
        }
    }

    private void medications() {
        List<DemoApi.Request> doses = new ArrayList<>();
        for (int p = 0; p < patients.size(); p++) {
            DemoPatient patient = patients.get(p);
            String base = "/api/v1/patients/" + patientIds.get(p) + "/medications";
            LocalDate started = enrolledOn(patient).minusYears(1 + patient.number() % 4);
            List<DemoMedications.Medication> medications = DemoMedications.of(patient.preset());
            for (DemoMedications.Medication medication : medications) {
                String id = nurse.create(base, DemoMedications.request(medication, physicianClinician, started));
                if (DemoMedications.tracked(patient) && medication == medications.get(0)) {
                    for (Map<String, Object> dose : DemoMedications.doses(patient, medication, days)) {
                        doses.add(new DemoApi.Request(base + "/" + id + "/adherence", dose));
                    }
                }
            }
        }
        nurse.postAll(doses);
    }

    private void timeLogs() {
        List<DemoApi.Request> byNurse = new ArrayList<>();
        List<DemoApi.Request> byPhysician = new ArrayList<>();
        for (DemoTimeLogs.Entry entry : DemoTimeLogs.of(patients, days)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("patientId", patientIds.get(entry.patient()));
            body.put("enrollmentId", enrollmentIds.get(entry.patient()).get(entry.enrollment()));
            body.put("activity", entry.activity());
            body.put("startedAt", entry.startedAt().toString());
            body.put("durationMinutes", entry.minutes());
            body.put("interactiveCommunication", entry.interactive());
            body.put("billable", true);
            body.put("notes", entry.notes());
            (entry.clinician().equals("nurse") ? byNurse : byPhysician).add(new DemoApi.Request("/api/v1/time-logs", body));
        }
        nurse.postAll(byNurse);
        physician.postAll(byPhysician);
    }

    /** Runs {@code work} for 0…count-1, {@value #PARALLEL} at a time; returns the results in order. */
    private static <T> List<T> inParallel(int count, IntFunction<T> work) {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> work.apply(index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private LocalDate enrolledOn(DemoPatient patient) {
        return days.firstDay().plusDays(patient.enrolledAfterDays());
    }

    private static Map<String, String> byName(JsonNode list, String field) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (JsonNode item : list) {
            ids.put(item.get(field).asString(), item.get("id").asString());
        }
        return ids;
    }
}
