package org.vigil.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;

/**
 * Batches whose evaluations overlap (the same patients, in different orders) all complete: alert
 * writing is serialized per organization before the first write, so concurrent evaluations queue
 * instead of deadlocking (the ingestion benchmark found 179 of 192 evaluations failing without it).
 */
@VigilIntegrationTest
class ConcurrentEvaluationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;

    @Test
    void overlappingBatchesAreAllEvaluatedWithoutFailure() throws Exception {
        Api api = new Api(port);
        String clinic = data.organization();
        String admin = accounts.signIn(api, accounts.member(clinic, "ORG_ADMIN"), clinic);
        String physician = accounts.signIn(api, accounts.member(clinic, "PHYSICIAN"), clinic);
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("name", "Crisis " + clinic);
        rule.put("severity", "CRITICAL");
        rule.put("cooldownMinutes", 0);
        rule.put("conditions", Map.of("type", "threshold", "metric", "bp_systolic", "op", "gte", "value", 180));
        assertThat(api.post("/api/v1/library/alert-rules", Api.json(rule), admin).status()).isEqualTo(201);
        List<String> patients = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String patient = data.patient(clinic, null);
            data.enrollment(clinic, patient, data.clinician(clinic), data.careProgram(clinic));
            patients.add(patient);
        }

        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
        ExecutorService senders = Executors.newFixedThreadPool(6);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int batch = 0; batch < 12; batch++) {
            int b = batch;
            answers.add(senders.submit(() -> {
                List<Map<String, Object>> readings = new ArrayList<>();
                for (int i = 0; i < patients.size(); i++) {
                    String patient = patients.get(b % 2 == 0 ? i : patients.size() - 1 - i);
                    readings.add(Map.of("patientId", patient, "metric", "bp_systolic", "value", 185 + b,
                            "recordedAt", base.plusSeconds(b * 60L + i).toString(), "source", "DEVICE"));
                }
                return new Api(port).post("/api/v1/observations", Api.json(Map.of("readings", readings)), physician)
                        .status();
            }));
        }
        for (Future<Integer> answer : answers) {
            assertThat(answer.get()).isEqualTo(200);
        }
        senders.shutdown();

        String pending = "SELECT count(*)::int FROM event_publication WHERE completion_date IS NULL "
                + "AND serialized_event LIKE ?";
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (data.platformQuery(pending, "%" + clinic + "%") > 0 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
        }
        assertThat(data.platformQuery(pending, "%" + clinic + "%")).as("every evaluation completed").isZero();
        assertThat(data.platformQuery("SELECT count(*)::int FROM alerts WHERE organization_id = ? AND status = 'PENDING'",
                clinic)).as("one open alert per patient").isEqualTo(patients.size());
    }
}
