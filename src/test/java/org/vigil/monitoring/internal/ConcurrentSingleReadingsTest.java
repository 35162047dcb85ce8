package org.vigil.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import org.vigil.tenancy.TenantScope;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two readings of one patient stored by two transactions at once are judged together: a rule that
 * needs both fires. A reading sent on its own is evaluated inside the transaction that stores it,
 * before it commits; without the patient's evaluation lock ({@code PatientEvaluationLocks}) that
 * evaluation and another one of the same patient each read the history without the other's
 * reading and neither fired — a missed alert (both tests failed that way before the lock).
 *
 * <p>Deterministic: the first transaction stores and evaluates a systolic as a single reading and
 * stays open until the other side — a single-reading POST of the diastolic, or a batch of it with
 * its evaluation after commit — is either done (the race: nothing held it back) or seen waiting for
 * a lock in {@code pg_locks}; then it commits.
 */
@VigilIntegrationTest
class ConcurrentSingleReadingsTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;
    @Autowired
    Ingestion ingestion;
    @Autowired
    TenantScope tenantScope;

    @Test
    void twoSingleReadingsOfOnePatientStoredAtOnceAreJudgedTogether() throws Exception {
        Scenario s = scenario();
        String diastolic = Api.json(s.diastolic());
        withSystolicUncommitted(s, second -> second.complete(s.api().post("/api/v1/observations", diastolic,
                s.nurseToken())), Api.Response::status, 201);
        assertThat(openAlerts(s)).as("the diastolic's evaluation saw the systolic").isEqualTo(1);
    }

    @Test
    void aBatchEvaluatedAfterItsCommitWaitsForASingleReadingOfItsPatient() throws Exception {
        Scenario s = scenario();
        String batch = Api.json(Map.of("readings", List.of(s.diastolic())));
        // the batch is answered at its commit; its evaluation follows on another thread (a publication)
        withSystolicUncommitted(s, second -> {
            Api.Response answer = s.api().post("/api/v1/observations", batch, s.nurseToken());
            awaitNoPendingEvaluation(s.clinic());
            second.complete(answer);
        }, Api.Response::status, 200);
        awaitNoPendingEvaluation(s.clinic());
        assertThat(pendingEvaluations(s.clinic())).isZero();
        assertThat(openAlerts(s)).as("the batch's evaluation saw the systolic").isEqualTo(1);
    }

    /** A clinic with one enrolled patient and a rule that needs a systolic ≥ 140 and a diastolic ≥ 90. */
    private Scenario scenario() {
        Api api = new Api(port);
        String clinic = data.organization();
        String admin = accounts.signIn(api, accounts.member(clinic, "ORG_ADMIN"), clinic);
        Accounts.Account nurse = accounts.member(clinic, "NURSE");
        String nurseToken = accounts.signIn(api, nurse, clinic);
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("name", "Stage 2 reading " + clinic);
        rule.put("severity", "HIGH");
        rule.put("cooldownMinutes", 0);
        rule.put("conditions", Map.of("all", List.of(
                Map.of("type", "threshold", "metric", "bp_systolic", "op", "gte", "value", 140),
                Map.of("type", "threshold", "metric", "bp_diastolic", "op", "gte", "value", 90))));
        assertThat(api.post("/api/v1/library/alert-rules", Api.json(rule), admin).status()).isEqualTo(201);
        String patient = data.patient(clinic, null);
        data.enrollment(clinic, patient, data.clinician(clinic), data.careProgram(clinic));
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120);
        return new Scenario(api, clinic, nurse, nurseToken, patient, at);
    }

    private record Scenario(Api api, String clinic, Accounts.Account nurse, String nurseToken, String patient,
            Instant at) {

        Map<String, Object> systolic() {
            return Map.of("patientId", patient, "metric", "bp_systolic", "value", 150, "recordedAt", at.toString(),
                    "source", "DEVICE");
        }

        Map<String, Object> diastolic() {
            return Map.of("patientId", patient, "metric", "bp_diastolic", "value", 95,
                    "recordedAt", at.plusSeconds(1).toString(), "source", "DEVICE");
        }
    }

    /**
     * Stores and evaluates the systolic as a single reading in a transaction that stays open while
     * {@code second} runs on another thread, until it has completed its future (the race) or is seen
     * waiting for a lock; then commits, and checks the second's answer.
     */
    private <A> void withSystolicUncommitted(Scenario s, java.util.function.Consumer<CompletableFuture<A>> second,
            java.util.function.Function<A, Integer> status, int expected) throws Exception {
        var systolic = JsonMapper.builder().build().readTree(Api.json(s.systolic()));
        String waitingForALock = "SELECT count(*)::int FROM pg_locks WHERE locktype = 'advisory' AND NOT granted";
        CompletableFuture<A> answer = new CompletableFuture<>();
        Ingestion.Outcome first = tenantScope.call(s.clinic(), s.nurse().userId(), () -> {
            Ingestion.Outcome stored = ingestion.ingestOne(s.clinic(), s.nurse().userId(), null, systolic);
            CompletableFuture.runAsync(() -> second.accept(answer));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            // (asked from another thread: this one is in the tenant transaction)
            while (!answer.isDone() && CompletableFuture.supplyAsync(() -> data.platformQuery(waitingForALock)).join() == 0
                    && System.nanoTime() < deadline) {
                LockSupport.parkNanos(5_000_000);
            }
            return stored;
        });
        assertThat(first.status()).isEqualTo(Ingestion.Status.STORED);
        assertThat(status.apply(answer.get(30, TimeUnit.SECONDS))).isEqualTo(expected);
    }

    /** Polls until the organization's event publications are complete, at most 30 s. */
    private void awaitNoPendingEvaluation(String clinic) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (pendingEvaluations(clinic) > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(5_000_000);
        }
    }

    private int pendingEvaluations(String clinic) {
        return data.platformQuery("SELECT count(*)::int FROM event_publication WHERE completion_date IS NULL "
                + "AND serialized_event LIKE ?", "%" + clinic + "%");
    }

    private int openAlerts(Scenario s) {
        return data.platformQuery("SELECT count(*)::int FROM alerts WHERE organization_id = ? AND patient_id = ? "
                + "AND status = 'PENDING'", s.clinic(), s.patient());
    }
}
