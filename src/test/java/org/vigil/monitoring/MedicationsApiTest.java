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

/** Patient medications with a structured dose and schedule, and the outcome of each dose. */
@VigilIntegrationTest
class MedicationsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;

    Api api;
    String clinic;
    String nurse;
    String base;

    @BeforeEach
    void aPatient() {
        api = new Api(port);
        clinic = data.organization();
        nurse = accounts.signIn(api, accounts.member(clinic, "NURSE"), clinic);
        base = "/api/v1/patients/" + data.patient(clinic, null) + "/medications";
    }

    static Map<String, Object> lisinopril() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("medicationName", "Lisinopril");
        body.put("doseAmount", 10);
        body.put("doseUnit", "mg");
        body.put("route", "oral");
        body.put("schedule", Map.of("timesOfDay", List.of("08:00", "20:00")));
        body.put("startDate", "2026-11-01");
        return body;
    }

    @Test
    void aMedicationWithItsScheduleAndItsDoseOutcomes() {
        Api.Response added = api.post(base, Api.json(lisinopril()), nurse);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        JsonNode medication = added.json();
        assertThat(medication.get("dosage").asString()).isEqualTo("10 mg");
        assertThat(medication.get("dosesPerDay").asInt()).isEqualTo(2);
        String doses = base + "/" + medication.get("id").asString() + "/adherence";

        // America/New_York (the default zone): 08:00 local on 2 November is 13:00Z.
        assertThat(api.post(doses, "{\"scheduledFor\":\"2026-11-02T13:00:00Z\",\"status\":\"TAKEN\","
                + "\"takenAt\":\"2026-11-02T13:05:00Z\"}", nurse).status()).isEqualTo(201);
        assertThat(api.post(doses, "{\"scheduledFor\":\"2026-11-03T01:00:00Z\",\"status\":\"MISSED\"}", nurse).status())
                .isEqualTo(201);
        Api.Response again = api.post(doses, "{\"scheduledFor\":\"2026-11-02T13:00:00Z\",\"status\":\"MISSED\"}", nurse);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("scheduledFor");
        Api.Response noTime = api.post(doses, "{\"scheduledFor\":\"2026-11-04T13:00:00Z\",\"status\":\"TAKEN\"}", nurse);
        assertThat(noTime.json().get("errors").get(0).get("field").asString()).isEqualTo("takenAt");
        Api.Response beforeStart = api.post(doses, "{\"scheduledFor\":\"2026-10-20T13:00:00Z\",\"status\":\"MISSED\"}",
                nurse);
        assertThat(beforeStart.json().get("errors").get(0).get("field").asString()).isEqualTo("scheduledFor");

        JsonNode page = api.get(doses + "?from=2026-11-02&to=2026-11-02", nurse).json();
        assertThat(page.get("events").size()).isEqualTo(2);
        assertThat(page.get("summary").get("dosesDue").asInt()).isEqualTo(2);
        assertThat(page.get("summary").get("percent").asDouble()).isEqualTo(50.0);

        Api.Response stopped = api.post(base + "/" + medication.get("id").asString() + "/discontinue",
                "{\"endDate\":\"2026-11-10\"}", nurse, added.header("ETag"));
        assertThat(stopped.status()).isEqualTo(200);
        assertThat(stopped.json().get("isActive").asBoolean()).isFalse();
    }

    @Test
    void badSchedulesAndOtherOrganizationsAreRefused() {
        Map<String, Object> badTime = lisinopril();
        badTime.put("schedule", Map.of("timesOfDay", List.of("8am")));
        Api.Response time = api.post(base, Api.json(badTime), nurse);
        assertThat(time.status()).isEqualTo(400);
        assertThat(time.json().get("errors").get(0).get("field").asString()).startsWith("schedule.timesOfDay");

        Map<String, Object> noUnit = lisinopril();
        noUnit.remove("doseUnit");
        assertThat(api.post(base, Api.json(noUnit), nurse).json().get("errors").get(0).get("field").asString())
                .isEqualTo("doseUnit");

        String id = api.post(base, Api.json(lisinopril()), nurse).json().get("id").asString();
        String otherClinic = data.organization();
        String outsider = accounts.signIn(api, accounts.member(otherClinic, "NURSE"), otherClinic);
        assertThat(api.get(base, outsider).status()).isEqualTo(404);
        assertThat(api.post(base, Api.json(lisinopril()), outsider).status()).isEqualTo(404);
        assertThat(api.put(base + "/" + id, Api.json(lisinopril()), outsider, "\"0\"").status()).isEqualTo(404);
        assertThat(api.post(base + "/" + id + "/adherence", "{\"scheduledFor\":\"2026-11-02T13:00:00Z\","
                + "\"status\":\"MISSED\"}", outsider).status()).isEqualTo(404);
        assertThat(api.get(base + "/" + id + "/adherence?from=2026-11-01&to=2026-11-02", outsider).status())
                .isEqualTo(404);

        String billing = accounts.signIn(api, accounts.member(clinic, "BILLING_ADMIN"), clinic);
        assertThat(api.get(base, billing).status()).isEqualTo(403);
    }
}
