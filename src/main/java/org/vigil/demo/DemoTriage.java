package org.vigil.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Works the alert queue once the rule engine has raised the demo's alerts, so the queue has history
 * as well as open work: the alerts of patients whose episode is over are acknowledged and resolved
 * by the nurse (the first with the minutes of the call, which become a time log; a missing-data alert
 * of theirs is dismissed, their readings arrive right after), one high alert is
 * acknowledged and so held by the nurse, one critical alert is claimed by the physician, and the rest
 * stay pending.
 */
final class DemoTriage {

    private final DemoApi nurse;
    private final DemoApi physician;
    private final Map<String, DemoPatient> patientsById = new LinkedHashMap<>();

    DemoTriage(DemoApi nurse, DemoApi physician, List<String> patientIds, List<DemoPatient> patients) {
        this.nurse = nurse;
        this.physician = physician;
        for (int i = 0; i < patientIds.size(); i++) {
            patientsById.put(patientIds.get(i), patients.get(i));
        }
    }

    /** Works the open alerts of the queue. */
    void work() {
        List<JsonNode> open = new ArrayList<>();
        nurse.get("/api/v1/alerts?size=100").get("items").forEach(open::add);
        boolean minutesLogged = false;
        boolean acknowledged = false;
        boolean claimed = false;
        for (JsonNode alert : open) {
            String id = alert.get("id").asString();
            String patientId = alert.get("patientId").asString();
            DemoPatient patient = patientsById.get(patientId);
            if (patient != null && patient.course() == DemoCourse.EPISODE) {
                nurse.post("/api/v1/alerts/" + id + "/acknowledge", null);
                if (alert.get("severity").asString().equals("LOW")) {
                    // Missing data: the episode's last readings were days ago when they were judged.
                    nurse.post("/api/v1/alerts/" + id + "/dismiss", Map.of("reason",
                            "Readings were delayed (the home hub was offline); they have arrived since."));
                    continue;
                }
                Map<String, Object> resolution = new LinkedHashMap<>();
                resolution.put("resolutionNotes", "Called the patient: symptoms reviewed, treatment adjusted with the "
                        + "physician, readings back in the usual range since.");
                resolution.put("actionTaken", "Called the patient; treatment adjusted");
                if (!minutesLogged) {
                    resolution.put("minutesSpent", 12);
                    resolution.put("interactiveCommunication", true);
                    resolution.put("activity", "CALL_PATIENT");
                    minutesLogged = true;
                }
                nurse.post("/api/v1/alerts/" + id + "/resolve", resolution);
                continue;
            }
            String severity = alert.get("severity").asString();
            if (!claimed && severity.equals("CRITICAL")) {
                physician.post("/api/v1/alerts/" + id + "/claim", null);
                claimed = true;
            } else if (!acknowledged && severity.equals("HIGH")) {
                nurse.post("/api/v1/alerts/" + id + "/acknowledge", null);
                acknowledged = true;
            }
        }
    }

    /** The open alerts now, by patient id (the first in the queue's order for each patient). */
    Map<String, String> openByPatient() {
        Map<String, String> open = new LinkedHashMap<>();
        for (JsonNode alert : nurse.get("/api/v1/alerts?size=100").get("items")) {
            open.putIfAbsent(alert.get("patientId").asString(), alert.get("id").asString());
        }
        return open;
    }
}
