package org.vigil.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.shared.Ids;
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.TestClock;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import org.vigil.tenancy.PlatformScope;

/**
 * Readings in, alerts out: the rules of the patient's enrollment preset (and the organization's
 * own rules) judged after every committed batch, one open alert per patient and rule, cool-down,
 * missing data with a controllable clock, and evaluation that survives being stopped.
 */
@VigilIntegrationTest
class AlertEvaluationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;
    @Autowired
    TestClock clock;
    @Autowired
    AlertEvaluation evaluation;
    @Autowired
    MissingDataCheck missingData;
    @Autowired
    PlatformScope platform;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("ownerDataSource")
    javax.sql.DataSource ownerDataSource;

    Api api;
    String clinic;
    String nurse;
    String patient;
    String clinician;
    String enrollment;
    String glucose;
    String rule;
    String preset;

    @BeforeEach
    void aPatientEnrolledWithAGlucosePreset() {
        api = new Api(port);
        clinic = data.organization();
        nurse = accounts.signIn(api, accounts.member(clinic, "NURSE"), clinic);
        patient = data.patient(clinic, null);
        clinician = data.clinician(clinic);
        glucose = "glucose_" + Ids.newId().substring(0, 10);
        data.platformUpdate("INSERT INTO metric_definitions (id, organization_id, key, display_name, value_type, unit, "
                + "plausible_min, plausible_max, normal_min, normal_max) "
                + "VALUES (?, ?, ?, 'Blood glucose', 'NUMERIC', 'mg/dL', 20, 600, 70, 180)", Ids.newId(), clinic, glucose);
        rule = rule("High glucose", "HIGH", 60, "{\"type\": \"threshold\", \"metric\": \"" + glucose
                + "\", \"op\": \"gte\", \"value\": 250, \"label\": \"severe hyperglycemia\"}");
        preset = data.conditionPreset(clinic);
        data.platformUpdate("INSERT INTO condition_preset_alert_rules (id, condition_preset_id, alert_rule_id, priority, "
                + "organization_id) VALUES (?, ?, ?, 7, ?)", Ids.newId(), preset, rule, clinic);
        enrollment = data.enrollment(clinic, patient, clinician, data.careProgram(clinic));
        data.platformUpdate("UPDATE enrollments SET condition_preset_id = ?, start_date = now() - interval '30 days' "
                + "WHERE id = ?", preset, enrollment);
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
        if (evaluation.isPaused()) {
            evaluation.resume();
        }
    }

    String rule(String name, String severity, int cooldownMinutes, String conditions) {
        String id = Ids.newId();
        data.platformUpdate("INSERT INTO alert_rules (id, organization_id, name, severity, priority, conditions, "
                + "cooldown_minutes) VALUES (?, ?, ?, ?, 3, ?::jsonb, ?)", id, clinic, name + " " + id, severity,
                conditions, cooldownMinutes);
        return id;
    }

    void post(int value, Instant at) {
        post(patient, value, at);
    }

    void post(String patientId, int value, Instant at) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("patientId", patientId);
        r.put("metric", glucose);
        r.put("value", value);
        r.put("recordedAt", at.toString());
        r.put("source", "DEVICE");
        Api.Response response = api.post("/api/v1/observations", Api.json(r), nurse);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    Map<String, Object> openAlert() {
        return platform.call(null, "test check", () -> jdbc.queryForList("SELECT id, status, severity, priority, "
                + "message, details::text AS details, risk_score, priority_rank, sla_breach_time, triggered_at, "
                + "last_triggered_at, trigger_count, clinician_id, enrollment_id FROM alerts WHERE patient_id = ? "
                + "AND status IN ('PENDING', 'ACKNOWLEDGED')", patient)).stream().findFirst().orElse(null);
    }

    int alerts() {
        return data.platformQuery("SELECT count(*)::int FROM alerts WHERE patient_id = ?", patient);
    }

    /** The event publications of this organization are all complete (deleted once complete). */
    void awaitEvaluated() {
        awaitTrue(() -> data.platformQuery("SELECT count(*)::int FROM event_publication WHERE serialized_event LIKE ?",
                "%" + clinic + "%") == 0, "evaluation of the organization's readings");
    }

    /** Alert evaluation is asynchronous (after commit); wait for it, boundedly. */
    static void awaitTrue(Supplier<Boolean> condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(20); // polling interval for async delivery only
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void aReadingOverTheThresholdRaisesAnAlertAndASecondOneUpdatesIt() {
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
        post(249, t.minusSeconds(60));
        awaitEvaluated();
        assertThat(alerts()).as("one below the threshold").isZero();

        post(250, t);
        awaitEvaluated();
        Map<String, Object> alert = openAlert();
        assertThat(alert).as("equal to the threshold (gte)").isNotNull();
        assertThat(alert.get("status")).isEqualTo("PENDING");
        assertThat(alert.get("severity")).isEqualTo("HIGH");
        assertThat(alert.get("priority")).as("the preset link's priority").isEqualTo(7);
        assertThat((String) alert.get("message")).endsWith(": Blood glucose 250 mg/dL ≥ 250 (severe hyperglycemia)");
        assertThat((String) alert.get("details")).contains("\"observed\": 250", "\"comparison\": \"≥ 250\"",
                "\"at\": \"" + t + "\"");
        // base HIGH 5 + 3 × min(1, (250 − 180) / (180 − 70)) = 5 + 1.9
        assertThat((Double) alert.get("risk_score")).isEqualTo(6.9);
        // the rank is derived data, kept after the reading's commit (RankKeeper)
        awaitTrue(() -> Integer.valueOf(1).equals(openAlert().get("priority_rank")), "the alert's priority rank");
        assertThat(alert.get("clinician_id")).isEqualTo(clinician);
        assertThat(alert.get("enrollment_id")).isEqualTo(enrollment);
        Instant triggered = ((java.sql.Timestamp) alert.get("triggered_at")).toInstant();
        assertThat(((java.sql.Timestamp) alert.get("sla_breach_time")).toInstant())
                .as("HIGH: the default 120 minutes").isEqualTo(triggered.plus(Duration.ofMinutes(120)));

        post(320, t.plusSeconds(60));
        awaitEvaluated();
        Map<String, Object> updated = openAlert();
        assertThat(alerts()).isEqualTo(1);
        assertThat(updated.get("id")).isEqualTo(alert.get("id"));
        assertThat(updated.get("trigger_count")).isEqualTo(2);
        assertThat((String) updated.get("message")).contains("Blood glucose 320 mg/dL ≥ 250");
        assertThat(updated.get("triggered_at")).isEqualTo(alert.get("triggered_at"));
    }

    /** The open alerts' ranks by patient (1 = first in the queue). */
    Map<String, Object> ranks() {
        Map<String, Object> ranks = new LinkedHashMap<>();
        platform.call(null, "test check", () -> jdbc.queryForList("SELECT patient_id, priority_rank FROM alerts "
                + "WHERE organization_id = ? AND status IN ('PENDING', 'ACKNOWLEDGED')", clinic))
                .forEach(row -> ranks.put((String) row.get("patient_id"), row.get("priority_rank")));
        return ranks;
    }

    @Test
    void theQueueIsReRankedWhenARepeatedTriggerChangesTheRiskScoreAndKeptWhenItDoesNot() {
        String second = data.patient(clinic, null);
        String secondEnrollment = data.enrollment(clinic, second, clinician, data.careProgram(clinic));
        data.platformUpdate("UPDATE enrollments SET condition_preset_id = ?, start_date = now() - interval '30 days' "
                + "WHERE id = ?", preset, secondEnrollment);
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
        // risk: HIGH 5 + 3 × min(1, (value − 180) / 110): 250 → 6.9, 300 → 8.0
        post(patient, 250, t);
        post(second, 300, t.plusSeconds(1));
        awaitTrue(() -> ranks().equals(Map.of(patient, 2, second, 1)), "the higher risk first: " + ranks());

        // the first patient's alert triggers again with risk 8.0: a tie, broken by the earlier SLA breach time
        post(patient, 300, t.plusSeconds(2));
        awaitTrue(() -> ranks().equals(Map.of(patient, 1, second, 2)), "re-ranked after the risk changed: " + ranks());

        // the same risk again (nothing ranked changes; no re-rank needed): the order holds
        post(second, 300, t.plusSeconds(3));
        post(patient, 300, t.plusSeconds(4));
        assertThat(platform.call(null, "test check", () -> jdbc.queryForObject("SELECT sum(trigger_count)::int FROM alerts "
                + "WHERE organization_id = ?", Integer.class, clinic))).isEqualTo(5);
        assertThat(ranks()).isEqualTo(Map.of(patient, 1, second, 2));
    }

    @Test
    void afterResolutionANewAlertOpensOnlyOnceTheCoolDownHasPassed() {
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(300);
        post(300, t);
        awaitEvaluated();
        String first = (String) openAlert().get("id");
        data.platformUpdate("UPDATE alerts SET status = 'RESOLVED', resolved_at = now() WHERE id = ?", first);

        post(310, t.plusSeconds(60));
        awaitEvaluated();
        assertThat(openAlert()).as("within the 60-minute cool-down").isNull();
        assertThat(alerts()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(59));
        post(305, t.plusSeconds(120));
        awaitEvaluated();
        assertThat(openAlert()).as("59 minutes later: still cooling down").isNull();

        clock.advance(Duration.ofMinutes(2));
        post(315, t.plusSeconds(180));
        awaitEvaluated();
        Map<String, Object> second = openAlert();
        assertThat(second).as("after the cool-down").isNotNull();
        assertThat(second.get("id")).isNotEqualTo(first);
        assertThat(alerts()).isEqualTo(2);
    }

    @Test
    void missingDataIsRaisedByTheCheckWhenTheClockSaysTheSilenceIsLongEnough() {
        // an organization-wide rule (linked to no preset): applies to every patient of the clinic
        String silence = rule("No glucose", "MEDIUM", 60, "{\"type\": \"missing_data\", \"metric\": \"" + glucose
                + "\", \"window\": {\"hours\": 24}, \"label\": \"no glucose for a day\"}");
        Instant last = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
        post(120, last);
        awaitEvaluated();
        Instant realNow = Instant.now();
        clock.advance(Duration.between(realNow, last.plus(Duration.ofHours(24))).minusSeconds(5));
        assertThat(missingData.check(clinic)).as("24 h less 5 s of silence").isZero();
        assertThat(alerts()).isZero();

        clock.advance(Duration.ofSeconds(10));
        assertThat(missingData.check(clinic)).isEqualTo(1);
        Map<String, Object> alert = openAlert();
        assertThat(alert).isNotNull();
        assertThat((String) alert.get("message")).startsWith("No glucose").contains("no glucose for a day");
        assertThat(data.platformQuery("SELECT count(*)::int FROM alerts WHERE rule_id = ? AND patient_id = ?", silence,
                patient)).isEqualTo(1);
        assertThat(alert.get("enrollment_id")).isEqualTo(enrollment);
        // the job that runs the check in production is scheduled, cluster-safe, in db-scheduler's table
        assertThat(data.platformQuery("SELECT count(*)::int FROM scheduled_tasks WHERE task_name = 'missing-data-check'"))
                .isEqualTo(1);
    }

    /**
     * A reading sent on its own is evaluated inside the transaction that stores it: its alert is
     * there when the POST is answered, with no event publication written for it.
     */
    @Test
    void aSingleReadingIsEvaluatedInItsOwnTransactionBeforeTheAnswer() {
        post(300, Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30));
        Map<String, Object> alert = openAlert();
        assertThat(alert).as("the alert, committed with the reading").isNotNull();
        assertThat((String) alert.get("message")).contains("Blood glucose 300 mg/dL ≥ 250");
        assertThat(data.platformQuery("SELECT count(*)::int FROM event_publication WHERE serialized_event LIKE ?",
                "%" + clinic + "%")).isZero();
        awaitTrue(() -> Integer.valueOf(1).equals(openAlert().get("priority_rank")),
                "the priority rank, kept after the commit");
    }

    @Test
    void readingsCommittedWhileEvaluationIsStoppedAreEvaluatedWhenItResumes() {
        evaluation.pause();
        post(400, Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30));
        // the listener refused the work: the publication is recorded and incomplete
        awaitTrue(() -> data.platformQuery("SELECT count(*)::int FROM event_publication WHERE serialized_event LIKE ? "
                + "AND status = 'FAILED'", "%" + clinic + "%") == 1, "the refused publication");
        assertThat(alerts()).isZero();

        evaluation.resume();
        awaitEvaluated();
        Map<String, Object> alert = openAlert();
        assertThat(alert).isNotNull();
        assertThat((String) alert.get("message")).contains("Blood glucose 400 mg/dL ≥ 250");
    }

    /**
     * When the evaluation inside the storing transaction fails, the reading is stored all the same
     * and evaluated after commit from the event publication registry; nothing is lost while the
     * cause lasts. (The failure: a trigger, for this organization only, refusing alert writes.)
     */
    @Test
    void aSingleReadingWhoseEvaluationFailsIsStoredAndEvaluatedOnceTheCauseIsGone() {
        JdbcTemplate owner = new JdbcTemplate(ownerDataSource);
        String name = "test_refuse_alerts_" + Ids.newId().substring(0, 10);
        owner.execute("CREATE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.organization_id = '" + clinic + "' THEN RAISE EXCEPTION 'alerts refused for the test'; END IF; "
                + "RETURN NEW; END $$");
        owner.execute("CREATE TRIGGER " + name + " BEFORE INSERT OR UPDATE ON alerts FOR EACH ROW EXECUTE FUNCTION "
                + name + "()");
        try {
            post(320, Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30));
            assertThat(data.platformQuery("SELECT count(*)::int FROM observations WHERE patient_id = ?", patient))
                    .as("the reading is stored").isEqualTo(1);
            awaitTrue(() -> data.platformQuery("SELECT count(*)::int FROM event_publication WHERE serialized_event "
                    + "LIKE ? AND status = 'FAILED'", "%" + clinic + "%") == 1,
                    "the publication written instead, failing after commit too");
            assertThat(alerts()).isZero();
        } finally {
            owner.execute("DROP TRIGGER " + name + " ON alerts");
            owner.execute("DROP FUNCTION " + name + "()");
        }
        evaluation.resume();
        awaitEvaluated();
        assertThat((String) openAlert().get("message")).contains("Blood glucose 320 mg/dL ≥ 250");
    }
}
