package org.vigil.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import tools.jackson.databind.JsonNode;

/** An active enrollment's preset produces due questionnaires; completing one schedules the next. */
@VigilIntegrationTest
class ScheduledAssessmentsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;

    @Test
    void theDepressionPresetSchedulesPhq9EveryFourteenDaysAndGad2EveryThirty() {
        Api api = new Api(port);
        String clinic = data.organization();
        String admin = accounts.signIn(api, accounts.member(clinic, "ORG_ADMIN"), clinic);
        String nurse = accounts.signIn(api, accounts.member(clinic, "NURSE"), clinic);
        String patient = data.patient(clinic, null);
        String depression = api.get("/api/v1/library/condition-presets?standardized=true", admin).json().valueStream()
                .filter(p -> p.get("name").asString().equals("Depression")).findFirst().orElseThrow().get("id").asString();
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(3));

        Api.Response enrolled = api.post("/api/v1/enrollments", Api.json(Map.of("patientId", patient,
                "clinicianId", data.clinician(clinic), "careProgramId", data.careProgram(clinic),
                "conditionPresetId", depression, "startDate", start.toString())), admin);
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);

        JsonNode scheduled = api.get("/api/v1/patients/" + patient + "/scheduled-assessments", nurse).json();
        assertThat(scheduled.size()).isEqualTo(2);
        assertThat(scheduled.valueStream().map(s -> s.get("frequency").asString()).toList())
                .containsExactlyInAnyOrder("14", "30");
        assertThat(scheduled.valueStream().allMatch(s -> s.get("dueAt").asString().equals(start.toString()))).isTrue();
        JsonNode phq9Item = scheduled.valueStream().filter(s -> s.get("frequency").asString().equals("14"))
                .findFirst().orElseThrow();
        assertThat(api.get("/api/v1/scheduled-assessments", nurse).json().valueStream()
                .map(s -> s.get("id").asString())).contains(phq9Item.get("id").asString());

        Api.Response submitted = api.post("/api/v1/patients/" + patient + "/assessments", Api.json(Map.of(
                "templateId", phq9Item.get("templateId").asString(), "answers", AssessmentsApiTest.answers(1, 0))), nurse);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);

        JsonNode after = api.get("/api/v1/patients/" + patient + "/scheduled-assessments", nurse).json();
        List<JsonNode> phq9 = after.valueStream()
                .filter(s -> s.get("templateId").asString().equals(phq9Item.get("templateId").asString())).toList();
        assertThat(phq9).hasSize(2);
        JsonNode next = phq9.stream().filter(s -> s.get("status").asString().equals("PENDING")).findFirst().orElseThrow();
        JsonNode done = phq9.stream().filter(s -> s.get("status").asString().equals("COMPLETED")).findFirst().orElseThrow();
        assertThat(done.get("completedAssessmentId").asString()).isEqualTo(submitted.json().get("id").asString());
        assertThat(Instant.parse(next.get("dueAt").asString()))
                .isEqualTo(Instant.parse(done.get("completedAt").asString()).plus(Duration.ofDays(14)));

        // Withdrawing the enrollment cancels what is still open.
        JsonNode enrollment = api.get("/api/v1/enrollments/" + enrolled.json().get("id").asString(), admin).json();
        Api.Response withdrawn = api.post("/api/v1/enrollments/" + enrollment.get("id").asString() + "/status",
                "{\"status\":\"WITHDRAWN\"}", admin, api.get("/api/v1/enrollments/" + enrollment.get("id").asString(),
                        admin).header("ETag"));
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/patients/" + patient + "/scheduled-assessments", nurse).json().valueStream()
                .filter(s -> List.of("PENDING", "OVERDUE").contains(s.get("status").asString()))).isEmpty();
    }
}
