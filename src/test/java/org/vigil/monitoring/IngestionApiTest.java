package org.vigil.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.shared.Ids;
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Readings in: validation, normalization, per-reading outcomes, idempotent resends, the daily rollup. */
@VigilIntegrationTest
class IngestionApiTest {

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
    String glucose;
    String weight;
    String metricKeyGlucose;
    String metricKeyWeight;

    @BeforeEach
    void aClinicWithMetrics() {
        api = new Api(port);
        clinic = data.organization();
        nurse = accounts.signIn(api, accounts.member(clinic, "NURSE"), clinic);
        patient = data.patient(clinic, null);
        String suffix = Ids.newId().substring(0, 10);
        metricKeyGlucose = "glucose_" + suffix;
        metricKeyWeight = "weight_" + suffix;
        glucose = metric(clinic, metricKeyGlucose, "mg/dL", "[{\"unit\":\"mmol/L\",\"factor\":18.016}]", 20, 600, 0);
        weight = metric(clinic, metricKeyWeight, "kg", "[{\"unit\":\"[lb_av]\",\"factor\":0.45359237}]", 20, 350, 1);
    }

    String metric(String org, String key, String unit, String alternatives, int min, int max, int precision) {
        String id = Ids.newId();
        data.platformUpdate("INSERT INTO metric_definitions (id, organization_id, key, display_name, value_type, unit, "
                + "alternative_units, plausible_min, plausible_max, decimal_precision) "
                + "VALUES (?, ?, ?, ?, 'NUMERIC', ?, ?::jsonb, ?, ?, ?)", id, org, key, key, unit, alternatives, min, max,
                precision);
        return id;
    }

    static Map<String, Object> reading(String patient, String metric, Object value, String unit, Instant at) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("patientId", patient);
        r.put("metric", metric);
        r.put("value", value);
        if (unit != null) {
            r.put("unit", unit);
        }
        r.put("recordedAt", at.toString());
        r.put("source", "DEVICE");
        r.put("sourceIdentifier", "cuff-1");
        return r;
    }

    @Test
    void aBatchStoresTheValidReadingsAndNamesEachInvalidOnesReason() {
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.HOURS);
        String otherClinic = data.organization();
        String strangersPatient = data.patient(otherClinic, null);
        List<Map<String, Object>> readings = new ArrayList<>();
        readings.add(reading(patient, metricKeyGlucose, 5.5, "mmol/L", t));                   // 0 stored, 99.088 mg/dL → 99
        readings.add(reading(patient, metricKeyWeight, 176.4, "[lb_av]", t));                 // 1 stored, 80.0 kg
        readings.add(reading(patient, metricKeyGlucose, 2047, null, t.plusSeconds(60)));     // 2 implausible
        readings.add(reading(patient, "no_such_metric", 1, null, t));                         // 3 unknown metric
        readings.add(reading(strangersPatient, metricKeyGlucose, 100, null, t));              // 4 another org's patient
        readings.add(reading(patient, metricKeyGlucose, 100, "mmHg", t.plusSeconds(120)));   // 5 wrong unit
        readings.add(reading(patient, metricKeyGlucose, 100, null, Instant.now().plusSeconds(600))); // 6 future
        readings.add(reading(patient, metricKeyGlucose, "high", null, t.plusSeconds(180))); // 7 not a number
        readings.add(reading(patient, metricKeyGlucose, 120, null, t.plusSeconds(240)));     // 8 stored
        readings.add(reading(patient, metricKeyGlucose, 120, null, t.plusSeconds(240)));     // 9 same as 8

        Api.Response response = api.post("/api/v1/observations", Api.json(Map.of("readings", readings)), nurse);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("stored").asInt()).isEqualTo(3);
        assertThat(body.get("duplicates").asInt()).isEqualTo(1);
        assertThat(body.get("rejected").asInt()).isEqualTo(6);
        JsonNode results = body.get("results");
        assertThat(status(results, 0)).isEqualTo("STORED");
        assertThat(status(results, 1)).isEqualTo("STORED");
        assertThat(reason(results, 2)).isEqualTo("value: outside the plausible range 20–600 mg/dL (a device or entry error)");
        assertThat(reason(results, 3)).isEqualTo("metric: no active metric with this key exists for the organization");
        assertThat(reason(results, 4)).isEqualTo("patientId: unknown patient");
        assertThat(reason(results, 5)).isEqualTo("unit: must be one of mg/dL, mmol/L");
        assertThat(reason(results, 6)).isEqualTo("recordedAt: is more than 5 minutes in the future");
        assertThat(reason(results, 7)).isEqualTo("value: must be a number");
        assertThat(status(results, 8)).isEqualTo("STORED");
        assertThat(status(results, 9)).isEqualTo("DUPLICATE");
        assertThat(results.get(9).get("id").asString()).isEqualTo(results.get(8).get("id").asString());

        // normalized to the canonical unit, rounded to the metric's precision
        JsonNode stored = api.get("/api/v1/patients/" + patient + "/observations", nurse).json().get("items");
        assertThat(stored.size()).isEqualTo(3);
        Map<String, String> valueByMetric = new LinkedHashMap<>();
        stored.forEach(r -> valueByMetric.merge(r.get("metric").asString(), r.get("value").asString() + " "
                + r.get("unit").asString(), (a, b) -> a + ", " + b));
        assertThat(valueByMetric.get(metricKeyGlucose)).isEqualTo("120 mg/dL, 99 mg/dL");
        assertThat(valueByMetric.get(metricKeyWeight)).isEqualTo("80 kg");
        // the other organization's patient got nothing
        assertThat(data.platformQuery("SELECT count(*) FROM observations WHERE patient_id = ?", strangersPatient))
                .isZero();
    }

    @Test
    void resendingTheSameBatchStoresNothingNewAndAnswersTheStoredIds() {
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
        List<Map<String, Object>> readings = List.of(reading(patient, metricKeyGlucose, 110, null, t),
                reading(patient, metricKeyGlucose, 130, null, t.plusSeconds(60)),
                reading(patient, metricKeyWeight, 81.2, null, t));
        String batch = Api.json(Map.of("readings", readings));
        JsonNode first = api.post("/api/v1/observations", batch, nurse).json();
        assertThat(first.get("stored").asInt()).isEqualTo(3);
        JsonNode again = api.post("/api/v1/observations", batch, nurse).json();
        assertThat(again.get("stored").asInt()).isZero();
        assertThat(again.get("duplicates").asInt()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(again.get("results").get(i).get("status").asString()).isEqualTo("DUPLICATE");
            assertThat(again.get("results").get(i).get("id").asString())
                    .isEqualTo(first.get("results").get(i).get("id").asString());
        }
        assertThat(data.platformQuery("SELECT count(*) FROM observations WHERE patient_id = ?", patient)).isEqualTo(3);
        // the rollup counted each reading once
        assertThat(data.platformQuery("SELECT sum(reading_count)::int FROM observation_daily WHERE patient_id = ?",
                patient)).isEqualTo(3);

        // one reading alone: 201 stored, then 200 duplicate with the same id
        String single = Api.json(reading(patient, metricKeyGlucose, 140, null, t.plusSeconds(300)));
        Api.Response created = api.post("/api/v1/observations", single, nurse);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        // sent whole, with its length (not chunked: one write instead of two on the hot path)
        assertThat(created.headers().firstValue("Content-Length")).hasValue(String.valueOf(created.body().length()));
        Api.Response duplicate = api.post("/api/v1/observations", single, nurse);
        assertThat(duplicate.status()).isEqualTo(200);
        assertThat(duplicate.json().get("status").asString()).isEqualTo("DUPLICATE");
        assertThat(duplicate.json().get("id").asString()).isEqualTo(created.json().get("id").asString());
    }

    @Test
    void anInactivePatientsReadingIsRejectedAndAnActiveOnesIsStored() {
        String discharged = data.patient(clinic, null);
        data.platformUpdate("UPDATE patients SET is_active = false WHERE id = ?", discharged);
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
        Api.Response batch = api.post("/api/v1/observations", Api.json(Map.of("readings", List.of(
                reading(discharged, metricKeyGlucose, 100, null, t), reading(patient, metricKeyGlucose, 101, null, t)))),
                nurse);
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        assertThat(batch.json().get("results").get(0).get("errors").get(0).get("message").asString())
                .isEqualTo("the patient is not active");
        assertThat(batch.json().get("results").get(1).get("status").asString()).isEqualTo("STORED");
    }

    @Test
    void anotherOrganizationsPatientIsRejectedAsUnknown() {
        String strangersPatient = data.patient(data.organization(), null);
        Api.Response response = api.post("/api/v1/observations", Api.json(reading(strangersPatient, metricKeyGlucose,
                100, null, Instant.now().minusSeconds(60))), nurse);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("patientId");
        assertThat(response.json().get("errors").get(0).get("message").asString()).isEqualTo("unknown patient");
        // exactly like a made-up id
        Api.Response madeUp = api.post("/api/v1/observations", Api.json(reading("nobody", metricKeyGlucose,
                100, null, Instant.now().minusSeconds(60))), nurse);
        assertThat(madeUp.json().get("errors")).isEqualTo(response.json().get("errors"));
    }

    @Test
    void dailyAggregatesCountDeviceDaysApartInTheOrganizationsTimeZone() {
        // America/New_York: 2026-03-02T03:30Z is still 1 March locally
        data.platformUpdate("UPDATE organizations SET time_zone = 'America/New_York' WHERE id = ?", clinic);
        List<Map<String, Object>> readings = new ArrayList<>();
        readings.add(reading(patient, metricKeyGlucose, 100, null, Instant.parse("2026-03-02T03:30:00Z")));
        readings.add(reading(patient, metricKeyGlucose, 140, null, Instant.parse("2026-03-01T15:00:00Z")));
        Map<String, Object> manual = reading(patient, metricKeyGlucose, 90, null, Instant.parse("2026-03-02T15:00:00Z"));
        manual.put("source", "MANUAL");
        manual.remove("sourceIdentifier");
        readings.add(manual);
        assertThat(api.post("/api/v1/observations", Api.json(Map.of("readings", readings)), nurse).json()
                .get("stored").asInt()).isEqualTo(3);

        JsonNode days = api.get("/api/v1/patients/" + patient + "/observations/daily?metric=" + metricKeyGlucose
                + "&from=2026-03-01&to=2026-03-02", nurse).json();
        assertThat(days.size()).isEqualTo(2);
        assertThat(days.get(0).get("date").asString()).isEqualTo("2026-03-01");
        assertThat(days.get(0).get("count").asInt()).isEqualTo(2);
        assertThat(days.get(0).get("deviceCount").asInt()).isEqualTo(2);
        assertThat(days.get(0).get("min").decimalValue()).isEqualByComparingTo("100");
        assertThat(days.get(0).get("max").decimalValue()).isEqualByComparingTo("140");
        assertThat(days.get(0).get("avg").decimalValue()).isEqualByComparingTo("120");
        assertThat(days.get(1).get("deviceCount").asInt()).isZero();
        assertThat(data.platformQuery("SELECT count(*)::int FROM observation_daily WHERE patient_id = ? AND from_device",
                patient)).isEqualTo(1);

        JsonNode latest = api.get("/api/v1/observations/latest?patientIds=" + patient, nurse).json();
        assertThat(latest.get(0).get("latest").get(0).get("value").asInt()).isEqualTo(90);
    }

    @Test
    void aBatchOverFiveThousandIsRefusedWhole() {
        List<Map<String, Object>> readings = new ArrayList<>();
        Instant t = Instant.now().minus(10, ChronoUnit.DAYS);
        for (int i = 0; i < 5001; i++) {
            readings.add(reading(patient, metricKeyGlucose, 100, null, t.plusSeconds(i)));
        }
        Api.Response response = api.post("/api/v1/observations", Api.json(Map.of("readings", readings)), nurse);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("readings");
        assertThat(data.platformQuery("SELECT count(*) FROM observations WHERE patient_id = ?", patient)).isZero();
    }

    static String status(JsonNode results, int i) {
        return results.get(i).get("status").asString();
    }

    static String reason(JsonNode results, int i) {
        assertThat(results.get(i).get("status").asString()).isEqualTo("REJECTED");
        JsonNode error = results.get(i).get("errors").get(0);
        return error.get("field").asString() + ": " + error.get("message").asString();
    }
    /**
     * Single readings sent at the same time by one member are stored together (Ingestion's
     * coalescing), yet each request gets its own answer: every distinct reading 201 with its own
     * id, the same reading sent twice at once stored once (the other answer a duplicate with the
     * stored id), and each patient's readings audited.
     */
    @Test
    void concurrentSingleReadingsGetTheirOwnAnswersAndAreStoredOnce() throws Exception {
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
        String second = data.patient(clinic, null);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            bodies.add(Api.json(reading(i % 2 == 0 ? patient : second, metricKeyWeight, 60 + i, null, t.plusSeconds(i))));
        }
        String twice = Api.json(reading(patient, metricKeyWeight, 99, null, t.minusSeconds(5)));
        bodies.add(twice);
        bodies.add(twice);
        var threads = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<Api.Response>> answers = new ArrayList<>();
            for (String body : bodies) {
                answers.add(threads.submit(() -> api.post("/api/v1/observations", body, nurse)));
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (int i = 0; i < 30; i++) {
                Api.Response r = answers.get(i).get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                assertThat(r.json().get("index").asInt()).isZero();
                ids.add(r.json().get("id").asString());
            }
            assertThat(ids).hasSize(30);
            Api.Response a = answers.get(30).get(60, java.util.concurrent.TimeUnit.SECONDS);
            Api.Response b = answers.get(31).get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(List.of(a.status(), b.status())).containsExactlyInAnyOrder(201, 200);
            assertThat(a.json().get("id").asString()).isEqualTo(b.json().get("id").asString());
        } finally {
            threads.shutdownNow();
        }
        assertThat(data.platformQuery("SELECT count(*) FROM observations WHERE organization_id = ?", clinic))
                .isEqualTo(31);
        assertThat(data.platformQuery("SELECT count(DISTINCT patient_id) FROM audit_logs WHERE organization_id = ? "
                + "AND resource_type = 'Observation' AND action = 'CREATE'", clinic)).isEqualTo(2);
        assertThat(data.platformQuery("SELECT count(*) FROM audit_logs a, jsonb_array_elements_text(a.details -> 'created') c "
                + "WHERE a.organization_id = ? AND a.resource_type = 'Observation' AND a.action = 'CREATE'", clinic))
                .isEqualTo(31);
    }
}
