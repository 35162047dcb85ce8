package org.vigil.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;

/** A patient's own threshold replaces a rule's default for that patient only. */
@VigilIntegrationTest
class ThresholdOverridesTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;

    @Test
    void aLowerPersonalThresholdAlertsWhereTheDefaultWouldNot() {
        Api api = new Api(port);
        String clinic = data.organization();
        String admin = accounts.signIn(api, accounts.member(clinic, "ORG_ADMIN"), clinic);
        String physician = accounts.signIn(api, accounts.member(clinic, "PHYSICIAN"), clinic);
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("name", "High systolic (personal)");
        rule.put("severity", "HIGH");
        rule.put("conditions", Map.of("type", "threshold", "metric", "bp_systolic", "op", "gte",
                "value", Map.of("override", "sbp_high", "default", 180)));
        assertThat(api.post("/api/v1/library/alert-rules", Api.json(rule), admin).status()).isEqualTo(201);

        String careful = patient(clinic);
        String usual = patient(clinic);
        Api.Response set = api.put("/api/v1/patients/" + careful + "/threshold-overrides/sbp_high",
                "{\"value\": 160, \"reason\": \"Recent stroke: tighter control\"}", physician, null);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/patients/" + careful + "/threshold-overrides", physician).json().get(0)
                .get("value").asInt()).isEqualTo(160);
        Api.Response badKey = api.put("/api/v1/patients/" + careful + "/threshold-overrides/SBP-High",
                "{\"value\": 1, \"reason\": \"x\"}", physician, null);
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.json().get("errors").get(0).get("field").asString()).isEqualTo("key");

        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        reading(api, physician, careful, at);
        reading(api, physician, usual, at);
        String alerts = "SELECT count(*)::int FROM alerts WHERE patient_id = ?";
        String pending = "SELECT count(*)::int FROM event_publication WHERE completion_date IS NULL "
                + "AND serialized_event LIKE ?";
        // Evaluation runs after the commit, asynchronously: wait (boundedly) until both are evaluated.
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while ((data.platformQuery(alerts, careful) == 0 || data.platformQuery(pending, "%" + usual + "%") > 0)
                && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
        }
        assertThat(data.platformQuery(alerts, careful)).as("170 ≥ the patient's 160").isOne();
        assertThat(data.platformQuery(pending, "%" + usual + "%")).as("the other patient's evaluation finished").isZero();
        assertThat(data.platformQuery(alerts, usual)).as("170 < the default 180").isZero();

        assertThat(api.delete("/api/v1/patients/" + careful + "/threshold-overrides/sbp_high", physician).status())
                .isEqualTo(204);
        assertThat(api.delete("/api/v1/patients/" + careful + "/threshold-overrides/sbp_high", physician).status())
                .isEqualTo(404);
        String otherClinic = data.organization();
        String outsider = accounts.signIn(api, accounts.member(otherClinic, "PHYSICIAN"), otherClinic);
        assertThat(api.get("/api/v1/patients/" + careful + "/threshold-overrides", outsider).status()).isEqualTo(404);
    }

    private String patient(String clinic) {
        String patient = data.patient(clinic, null);
        data.enrollment(clinic, patient, data.clinician(clinic), data.careProgram(clinic));
        return patient;
    }

    private static void reading(Api api, String token, String patient, Instant at) {
        Api.Response stored = api.post("/api/v1/observations", Api.json(Map.of("patientId", patient, "metric",
                "bp_systolic", "value", 170, "unit", "mm[Hg]", "recordedAt", at.toString(), "source", "DEVICE")), token);
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
    }
}
