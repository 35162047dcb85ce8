package org.vigil.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The follow-up work around the alerts: tasks for the nurse and the physician (open, in progress,
 * done, one cancelled, some overdue) and the physician's encounter notes, most of them attested.
 */
final class DemoFollowUp {

    private final DemoApi nurse;
    private final DemoApi physician;
    private final DemoDays days;
    private final DemoClinic.Setup setup;

    DemoFollowUp(DemoApi nurse, DemoApi physician, DemoDays days, DemoClinic.Setup setup) {
        this.nurse = nurse;
        this.physician = physician;
        this.days = days;
        this.setup = setup;
    }

    void create(List<DemoPatient> patients, List<String> patientIds, Map<String, String> openAlerts) {
        int labOrders = 0;
        for (int p = 0; p < patients.size(); p++) {
            DemoPatient patient = patients.get(p);
            String id = patientIds.get(p);
            String alert = openAlerts.get(id);
            switch (patient.course()) {
                case WORSENING, CRISIS -> {
                    if (alert != null) {
                        task(Map.of("alertId", alert), "FOLLOW_UP_CALL", "Call the patient about the latest readings",
                                patient.course() == DemoCourse.CRISIS ? "URGENT" : "HIGH", inDays(patient.course() == DemoCourse.CRISIS ? 0 : 1),
                                setup.nurseUserId(), null);
                    }
                    if (!patient.preset().equals(DemoRoster.DEPRESSION) && !patient.preset().equals(DemoRoster.ANXIETY)) {
                        task(Map.of("patientId", id), "MED_REVIEW", "Review the treatment plan", "MEDIUM", inDays(3),
                                setup.physicianUserId(), null);
                    } else {
                        note(id, "BHI", "Mood worse over the last weeks; sleeping poorly.",
                                "Questionnaire scores rising (see the assessments).",
                                "Worsening symptoms on the current dose.",
                                "Increase the follow-up to weekly calls; discuss a dose change at the next visit.", false);
                    }
                }
                case SPARSE, STOPPED -> task(Map.of("patientId", id), "ADHERENCE_CHECK",
                        "Ask why readings are missing", "MEDIUM", inDays(patient.course() == DemoCourse.STOPPED ? -1 : 5),
                        setup.nurseUserId(), null);
                case EPISODE -> {
                    task(Map.of("patientId", id), "FOLLOW_UP_CALL", "Check in after the episode", "HIGH", inDays(-2),
                            setup.nurseUserId(), "Patient doing well; readings back to the usual range.");
                    note(id, patient.enrollments().get(0).plan().encounterType,
                            "Patient called back after the alert; felt unwell for a few days.",
                            "Home readings outside the usual range for several days, back to baseline since.",
                            "Episode resolved after the treatment adjustment.",
                            "Continue monitoring; review at the monthly call.", true);
                }
                default -> {
                    if (patient.preset().equals(DemoRoster.DIABETES) && labOrders++ < 3) {
                        task(Map.of("patientId", id), "LAB_ORDER", "Order an HbA1c", "LOW", inDays(labOrders == 3 ? 10 : -5),
                                setup.physicianUserId(), labOrders == 3 ? null : "HbA1c ordered at the lab.");
                    }
                    if (patient.enrollments().get(0).plan() == DemoPlan.CCM && patient.number() % 2 == 1) {
                        note(id, "CCM", "No new complaints; taking medications as prescribed.",
                                "Home readings within target this month.", "Chronic conditions stable.",
                                "Continue the care plan; next call in four weeks.", true);
                    }
                }
            }
        }
        task(Map.of("patientId", patientIds.get(0)), "CUSTOM", "Replace the blood pressure cuff's batteries", "LOW",
                inDays(-10), setup.nurseUserId(), "CANCELLED");
        task(Map.of("patientId", patientIds.get(33)), "REFERRAL", "Refer to physical therapy", "MEDIUM", inDays(7),
                setup.physicianUserId(), "IN_PROGRESS");
    }

    /**
     * Creates a task; {@code outcome} null leaves it pending, "IN_PROGRESS" or "CANCELLED" sets that
     * status, anything else completes it with those notes.
     */
    private void task(Map<String, String> subject, String type, String title, String priority, Instant due,
            String assignee, String outcome) {
        Map<String, Object> body = new LinkedHashMap<>(subject);
        body.put("taskType", type);
        body.put("title", title);
        body.put("priority", priority);
        body.put("dueDate", due.toString());
        body.put("assignedToId", assignee);
        String id = nurse.create("/api/v1/tasks", body);
        if (outcome == null) {
            return;
        }
        if (outcome.equals("CANCELLED")) {
            nurse.post("/api/v1/tasks/" + id + "/status", Map.of("status", "CANCELLED", "completionNotes",
                    "Not needed: the device was replaced."));
            return;
        }
        nurse.post("/api/v1/tasks/" + id + "/status", Map.of("status", "IN_PROGRESS"));
        if (!outcome.equals("IN_PROGRESS")) {
            nurse.post("/api/v1/tasks/" + id + "/status", Map.of("status", "COMPLETED", "completionNotes", outcome));
        }
    }

    private void note(String patientId, String type, String subjective, String objective, String assessment,
            String plan, boolean attest) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("encounterType", type);
        body.put("subjective", subjective);
        body.put("objective", objective);
        body.put("assessment", assessment);
        body.put("plan", plan);
        DemoApi.Answer created = physician.send("POST", "/api/v1/patients/" + patientId + "/encounter-notes", body, null);
        if (attest) {
            physician.post("/api/v1/patients/" + patientId + "/encounter-notes/" + created.body().get("id").asString()
                    + "/attest", null, created.etag());
        }
    }

    /** Noon, {@code n} days from today (negative: already past, so the task shows as overdue when open). */
    private Instant inDays(int n) {
        Instant noon = days.at(days.today().plusDays(n), LocalTime.NOON);
        return n == 0 ? days.now().plus(Duration.ofHours(4)) : noon;
    }
}
