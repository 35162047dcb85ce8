package org.vigil.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import tools.jackson.databind.JsonNode;

/** A PHQ-9 submitted, checked item by item, scored on the server and recorded as observations. */
@VigilIntegrationTest
class AssessmentsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;

    Api api;
    String clinic;
    String nurse;
    String patient;
    String phq9;

    @BeforeEach
    void aPatientAndTheStandardPhq9() {
        api = new Api(port);
        clinic = data.organization();
        nurse = accounts.signIn(api, accounts.member(clinic, "NURSE"), clinic);
        patient = data.patient(clinic, null);
        phq9 = api.get("/api/v1/library/assessment-templates?standardized=true", nurse).json().valueStream()
                .filter(t -> "phq9".equals(t.get("key").asString())).findFirst().orElseThrow().get("id").asString();
    }

    /** Items 1–8 as given, item 9 as given. */
    static Map<String, Object> answers(int each, int item9) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int i = 1; i <= 8; i++) {
            answers.put("phq9_item" + i, each);
        }
        answers.put("phq9_item9", item9);
        return answers;
    }

    private Api.Response submit(Map<String, Object> answers) {
        return api.post("/api/v1/patients/" + patient + "/assessments",
                Api.json(Map.of("templateId", phq9, "answers", answers)), nurse);
    }

    private int stored(String table) {
        return data.platformQuery("SELECT count(*) FROM " + table + " WHERE patient_id = ?", patient);
    }

    @Test
    void theScoreBandAndFlagsAreComputedOnTheServerAndEveryAnswerIsAnObservation() {
        // 8 items × 2 + item 9 = 3 → 19 (moderately severe); item 9 > 0 raises the critical flag.
        Api.Response submitted = submit(answers(2, 3));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        JsonNode assessment = submitted.json();
        assertThat(assessment.get("score").asInt()).isEqualTo(19);
        assertThat(assessment.get("scoreBand").asString()).isEqualTo("Moderately severe");
        assertThat(assessment.get("scoreDetails").get("flags").get(0).get("item").asString()).isEqualTo("phq9_item9");
        assertThat(assessment.get("scoreDetails").get("flags").get(0).get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(stored("observations")).as("nine answers and the total").isEqualTo(10);

        Map<String, Object> twenty = answers(2, 3);
        twenty.put("phq9_item1", 3);
        JsonNode severe = submit(twenty).json();
        assertThat(severe.get("score").asInt()).isEqualTo(20);
        assertThat(severe.get("scoreBand").asString()).isEqualTo("Severe");

        JsonNode noFlag = submit(answers(0, 0)).json();
        assertThat(noFlag.get("scoreBand").asString()).isEqualTo("Minimal");
        assertThat(noFlag.get("scoreDetails").get("flags").size()).isZero();
        assertThat(api.get("/api/v1/patients/" + patient + "/assessments", nurse).json().size()).isEqualTo(3);
    }

    @Test
    void aPositiveItemNineRaisesACriticalAlertAndEveryAnswerIsAReadingOfTheDay() {
        String admin = accounts.signIn(api, accounts.member(clinic, "ORG_ADMIN"), clinic);
        String depression = api.get("/api/v1/library/condition-presets?standardized=true", admin).json().valueStream()
                .filter(p -> p.get("name").asString().equals("Depression")).findFirst().orElseThrow().get("id").asString();
        Api.Response enrolled = api.post("/api/v1/enrollments", Api.json(Map.of("patientId", patient,
                "clinicianId", data.clinician(clinic), "careProgramId", data.careProgram(clinic),
                "conditionPresetId", depression, "startDate", java.time.Instant.now().minusSeconds(86_400).toString())),
                admin);
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);

        // 8 × 2 + 1 = 17: moderately severe, not severe; item 9 = 1 → the critical rule fires.
        assertThat(submit(answers(2, 1)).status()).isEqualTo(201);
        String critical = "SELECT count(*)::int FROM alerts WHERE patient_id = ? AND severity = 'CRITICAL' "
                + "AND status = 'PENDING'";
        // Evaluation runs after the commit, asynchronously: wait for it, boundedly.
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (data.platformQuery(critical, patient) == 0 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
        }
        assertThat(data.platformQuery(critical, patient)).as("item 9 > 0 raised a critical alert").isOne();
        assertThat(data.platformQuery("SELECT count(*)::int FROM alerts WHERE patient_id = ? AND severity <> 'CRITICAL'",
                patient)).as("17 is not severe depression").isZero();
        assertThat(data.platformQuery("SELECT count(*)::int FROM observation_daily WHERE patient_id = ?", patient))
                .as("the answers are counted in the daily rollup like any reading").isPositive();
    }

    @Test
    void invalidSubmissionsNameEachItemAndStoreNothing() {
        Map<String, Object> missing = answers(1, 0);
        missing.remove("phq9_item3");
        missing.put("phq9_item1", 4);
        missing.put("gad7_item1", 1);
        Api.Response refused = submit(missing);
        assertThat(refused.status()).isEqualTo(400);
        List<String> fields = refused.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
        assertThat(fields).containsExactlyInAnyOrder("answers.phq9_item1", "answers.gad7_item1", "answers.phq9_item3");

        Map<String, Object> text = answers(1, 0);
        text.put("phq9_item2", "often");
        assertThat(submit(text).json().get("errors").get(0).get("field").asString()).isEqualTo("answers.phq9_item2");

        assertThat(stored("assessments")).isZero();
        assertThat(stored("observations")).isZero();
    }

    @Test
    void anotherOrganizationCannotSubmitOrRead() {
        String id = submit(answers(1, 0)).json().get("id").asString();
        String otherClinic = data.organization();
        String outsider = accounts.signIn(api, accounts.member(otherClinic, "NURSE"), otherClinic);
        assertThat(api.get("/api/v1/patients/" + patient + "/assessments/" + id, outsider).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/patients/" + patient + "/assessments", outsider).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/patients/" + patient + "/assessments",
                Api.json(Map.of("templateId", phq9, "answers", answers(1, 0))), outsider).status()).isEqualTo(404);
    }
}
