package org.vigil.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.shared.Ids;
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.TestClock;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The triage queue over real HTTP and PostgreSQL: priority order with cursor paging, filters and
 * counts; atomic claims; the status machine; bulk actions; minutes logged once on resolution; SLA
 * escalation once per level; the live stream; and no way into another organization's alerts.
 */
@VigilIntegrationTest
class TriageQueueApiTest {

    static final String ALERTS = "/api/v1/alerts";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;
    @Autowired
    TestClock clock;
    @Autowired
    SlaEscalation escalation;
    @Autowired
    com.icegreen.greenmail.util.GreenMail greenMail;
    @Autowired
    javax.sql.DataSource dataSource;

    Api api;
    String clinic;
    Accounts.Account nurseAccount;
    String nurse;
    String otherNurse;
    Accounts.Account otherNurseAccount;
    String clinician;
    String patient;
    String program;
    String enrollment;
    String rule;

    @BeforeEach
    void aClinicWithTwoNursesAndAnEnrolledPatient() {
        api = new Api(port);
        clinic = data.organization();
        nurseAccount = accounts.member(clinic, "NURSE");
        otherNurseAccount = accounts.member(clinic, "NURSE");
        nurse = accounts.signIn(api, nurseAccount, clinic);
        otherNurse = accounts.signIn(api, otherNurseAccount, clinic);
        clinician = data.clinician(clinic);
        data.platformUpdate("UPDATE clinicians SET user_id = ? WHERE id = ?", nurseAccount.userId(), clinician);
        patient = data.patient(clinic, null);
        program = data.careProgram(clinic);
        enrollment = data.enrollment(clinic, patient, clinician, program);
        rule = data.alertRule(clinic);
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    /** An open alert of the patient (each on its own rule: one open alert per patient and rule). */
    String alert(String severity, Double risk, Instant slaBreach, Instant triggeredAt) {
        String id = Ids.newId();
        data.platformUpdate("INSERT INTO alerts (id, organization_id, patient_id, rule_id, enrollment_id, clinician_id, "
                + "severity, message, details, risk_score, sla_breach_time, triggered_at, last_triggered_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, 'Test alert', '{\"evidence\": []}'::jsonb, ?, ?, ?, ?)", id, clinic,
                patient, data.alertRule(clinic), enrollment, clinician, severity, risk,
                slaBreach == null ? null : Timestamp.from(slaBreach), Timestamp.from(triggeredAt),
                Timestamp.from(triggeredAt));
        return id;
    }

    String alert() {
        Instant now = clock.instant();
        return alert("HIGH", 5.0, now.plus(Duration.ofHours(2)), now.minusSeconds(60));
    }

    String status(String alertId) {
        return data.platformString("SELECT status FROM alerts WHERE id = ?", alertId);
    }

    Api.Response act(String alertId, String action, String token) {
        return api.post(ALERTS + "/" + alertId + "/" + action, body(action), token);
    }

    static String body(String action) {
        return switch (action) {
            case "resolve" -> Api.json(Map.of("resolutionNotes", "Called, values rechecked", "actionTaken", "CALLED_PATIENT"));
            case "dismiss" -> Api.json(Map.of("reason", "Device error"));
            case "snooze" -> Api.json(Map.of("until", Instant.now().plus(Duration.ofHours(1)).toString()));
            case "escalate" -> Api.json(Map.of("level", 1, "reason", "Needs a physician"));
            default -> "{}";
        };
    }

    // ------------------------------------------------------------------------------- the queue

    @Test
    void theQueueIsInPriorityOrderPagedByCursorWithFiltersAndCounts() {
        Instant now = clock.instant();
        String low = alert("LOW", 1.0, now.plus(Duration.ofHours(20)), now.minusSeconds(600));
        String highSoon = alert("HIGH", 5.0, now.plus(Duration.ofMinutes(10)), now.minusSeconds(300));
        String highLater = alert("HIGH", 5.0, now.plus(Duration.ofMinutes(90)), now.minusSeconds(900));
        String highRiskier = alert("HIGH", 7.5, now.plus(Duration.ofMinutes(100)), now.minusSeconds(60));
        String critical = alert("CRITICAL", 7.0, now.minus(Duration.ofMinutes(5)), now.minusSeconds(3000));
        String medium = alert("MEDIUM", null, null, now.minusSeconds(100));
        String snoozed = alert("CRITICAL", 9.0, now.plus(Duration.ofMinutes(20)), now.minusSeconds(30));
        data.platformUpdate("UPDATE alerts SET snoozed_until = ? WHERE id = ?", Timestamp.from(now.plus(Duration.ofHours(1))),
                snoozed);
        String resolved = alert("CRITICAL", 9.0, now.plus(Duration.ofMinutes(20)), now.minusSeconds(30));
        data.platformUpdate("UPDATE alerts SET status = 'RESOLVED' WHERE id = ?", resolved);

        List<String> expected = List.of(critical, highRiskier, highSoon, highLater, medium, low);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Response page = api.get(ALERTS + "?size=2" + (cursor == null ? "" : "&cursor=" + cursor), nurse);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("items").forEach(item -> seen.add(item.get("id").asString()));
            JsonNode next = page.json().get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asString();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).as("priority order, snoozed and closed ones left out").containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(3);

        assertThat(ids(api.get(ALERTS + "?includeSnoozed=true&size=1", nurse))).containsExactly(snoozed);
        assertThat(ids(api.get(ALERTS + "?severity=HIGH", nurse))).containsExactly(highRiskier, highSoon, highLater);
        assertThat(ids(api.get(ALERTS + "?slaBreached=true", nurse))).containsExactly(critical);
        assertThat(ids(api.get(ALERTS + "?status=RESOLVED", nurse))).containsExactly(resolved);
        assertThat(ids(api.get(ALERTS + "?programId=" + program + "&severity=LOW", nurse))).containsExactly(low);
        assertThat(ids(api.get(ALERTS + "?programId=" + Ids.newId(), nurse))).isEmpty();
        assertThat(act(highSoon, "claim", otherNurse).status()).isEqualTo(200);
        assertThat(ids(api.get(ALERTS + "?claimed=me", otherNurse))).containsExactly(highSoon);
        assertThat(ids(api.get(ALERTS + "?claimed=me", nurse))).isEmpty();
        assertThat(ids(api.get(ALERTS + "?claimed=unclaimed", nurse))).doesNotContain(highSoon).hasSize(5);
        assertThat(api.get(ALERTS + "?claimed=whoever", nurse).status()).isEqualTo(400);
        assertThat(api.get(ALERTS + "?cursor=not-a-cursor", nurse).status()).isEqualTo(400);

        JsonNode counts = api.get(ALERTS + "/counts", nurse).json();
        assertThat(counts.get("byStatus").get("PENDING").asLong()).isEqualTo(7);
        assertThat(counts.get("byStatus").get("RESOLVED").asLong()).isEqualTo(1);
        assertThat(counts.get("openBySeverity").get("CRITICAL").asLong()).isEqualTo(2);
        assertThat(counts.get("openBySeverity").get("HIGH").asLong()).isEqualTo(3);
        assertThat(counts.get("open").asLong()).isEqualTo(7);
        assertThat(counts.get("unclaimed").asLong()).isEqualTo(6);
        assertThat(counts.get("slaBreached").asLong()).isEqualTo(1);
        assertThat(counts.get("snoozed").asLong()).isEqualTo(1);

        Api.Response one = api.get(ALERTS + "/" + critical, nurse);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("slaBreached").asBoolean()).isTrue();
        assertThat(one.header("ETag")).isEqualTo("\"0\"");
    }

    static List<String> ids(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    // ------------------------------------------------------------------------------- claims

    @Test
    void fiftyConcurrentClaimsHaveExactlyOneWinner() throws Exception {
        String alert = alert();
        List<Accounts.Account> nurses = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Accounts.Account account = accounts.member(clinic, "NURSE");
            nurses.add(account);
            tokens.add(accounts.signIn(api, account, clinic));
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (String token : tokens) {
                Api client = new Api(port);
                answers.add(pool.submit(() -> {
                    start.await();
                    return client.post(ALERTS + "/" + alert + "/claim", "{}", token);
                }));
            }
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> answer : answers) {
                responses.add(answer.get(60, TimeUnit.SECONDS));
            }
            List<Api.Response> won = responses.stream().filter(r -> r.status() == 200).toList();
            assertThat(won).hasSize(1);
            assertThat(responses.stream().filter(r -> r.status() == 409).count()).isEqualTo(49);
            String winner = won.get(0).json().get("claimedById").asString();
            assertThat(nurses.stream().map(Accounts.Account::userId)).contains(winner);
            assertThat(data.platformString("SELECT claimed_by_id FROM alerts WHERE id = ?", alert)).isEqualTo(winner);
            assertThat(responses.stream().filter(r -> r.status() == 409))
                    .allSatisfy(r -> assertThat(r.json().get("detail").asString()).contains(winner));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClaimHoldsUntilItExpiresAndOnlyTheClaimantReleasesIt() {
        String alert = alert();
        Api.Response claimed = act(alert, "claim", nurse);
        assertThat(claimed.status()).isEqualTo(200);
        assertThat(claimed.json().get("claimedById").asString()).isEqualTo(nurseAccount.userId());
        assertThat(act(alert, "claim", nurse).status()).as("re-claiming renews").isEqualTo(200);
        Api.Response taken = act(alert, "claim", otherNurse);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("detail").asString()).contains(nurseAccount.userId());
        assertThat(act(alert, "acknowledge", otherNurse).status()).as("nor work it").isEqualTo(409);
        assertThat(act(alert, "unclaim", otherNurse).status()).as("only the claimant unclaims").isEqualTo(409);

        clock.advance(Duration.ofMinutes(31));
        assertThat(api.get(ALERTS + "/" + alert, nurse).json().get("claimedById").isNull()).as("expired").isTrue();
        assertThat(act(alert, "claim", otherNurse).status()).as("an expired claim can be taken").isEqualTo(200);
        assertThat(act(alert, "unclaim", nurse).status()).as("no longer the claimant").isEqualTo(409);
        Api.Response released = act(alert, "unclaim", otherNurse);
        assertThat(released.status()).isEqualTo(200);
        assertThat(released.json().get("claimedById").isNull()).isTrue();
        assertThat(data.platformString("SELECT claimed_by_id FROM alerts WHERE id = ?", alert)).isNull();
    }

    // ------------------------------------------------------------------------------- status machine

    @Test
    void everyLegalAndIllegalTransition() {
        List<String> closing = List.of("resolve", "dismiss");
        // PENDING: acknowledge is the only way on; resolve and dismiss are refused naming both states
        for (String action : closing) {
            String alert = alert();
            Api.Response refused = act(alert, action, nurse);
            assertThat(refused.status()).as(action + " from PENDING").isEqualTo(409);
            assertThat(refused.json().get("detail").asString()).contains("PENDING")
                    .contains(action.equals("resolve") ? "RESOLVED" : "DISMISSED");
            assertThat(status(alert)).isEqualTo("PENDING");
        }
        // PENDING → ACKNOWLEDGED → RESOLVED | DISMISSED; then every action is refused
        for (String action : closing) {
            String alert = alert();
            Api.Response acknowledged = act(alert, "acknowledge", nurse);
            assertThat(acknowledged.status()).isEqualTo(200);
            assertThat(acknowledged.json().get("status").asString()).isEqualTo("ACKNOWLEDGED");
            assertThat(acknowledged.json().get("claimedById").asString()).as("acknowledging claims")
                    .isEqualTo(nurseAccount.userId());
            Api.Response again = act(alert, "acknowledge", nurse);
            assertThat(again.status()).as("ACKNOWLEDGED → ACKNOWLEDGED").isEqualTo(409);
            assertThat(again.json().get("detail").asString()).contains("ACKNOWLEDGED");
            Api.Response closed = act(alert, action, nurse);
            assertThat(closed.status()).as(closed.body()).isEqualTo(200);
            String finalStatus = action.equals("resolve") ? "RESOLVED" : "DISMISSED";
            assertThat(closed.json().get("status").asString()).isEqualTo(finalStatus);
            assertThat(closed.json().get("resolvedById").asString()).isEqualTo(nurseAccount.userId());
            for (String next : List.of("acknowledge", "resolve", "dismiss", "claim", "unclaim", "snooze", "escalate")) {
                Api.Response refused = act(alert, next, nurse);
                assertThat(refused.status()).as(next + " from " + finalStatus).isEqualTo(409);
                assertThat(refused.json().get("detail").asString()).contains(finalStatus);
            }
            assertThat(status(alert)).isEqualTo(finalStatus);
        }
        // required fields
        String alert = alert();
        act(alert, "acknowledge", nurse);
        assertThat(api.post(ALERTS + "/" + alert + "/resolve", Api.json(Map.of("resolutionNotes", "x")), nurse).status())
                .as("actionTaken required").isEqualTo(400);
        assertThat(api.post(ALERTS + "/" + alert + "/dismiss", "{}", nurse).status()).as("reason required").isEqualTo(400);
        // If-Match: checked when sent
        Api.Response stale = api.post(ALERTS + "/" + alert + "/resolve", body("resolve"), nurse, "\"0\"");
        assertThat(stale.status()).isEqualTo(412);
        String current = api.get(ALERTS + "/" + alert, nurse).header("ETag");
        assertThat(api.post(ALERTS + "/" + alert + "/resolve", body("resolve"), nurse, current).status()).isEqualTo(200);
    }

    @Test
    void snoozeAndEscalateOnAnOpenAlert() {
        String alert = alert();
        Instant now = clock.instant();
        assertThat(api.post(ALERTS + "/" + alert + "/snooze", Api.json(Map.of("until", now.minusSeconds(5).toString())),
                nurse).status()).as("in the past").isEqualTo(400);
        assertThat(api.post(ALERTS + "/" + alert + "/snooze", Api.json(Map.of("until",
                now.plus(Duration.ofDays(8)).toString())), nurse).status()).as("beyond 7 days").isEqualTo(400);
        Api.Response snoozed = act(alert, "snooze", nurse);
        assertThat(snoozed.status()).isEqualTo(200);
        assertThat(ids(api.get(ALERTS, nurse))).doesNotContain(alert);

        Api.Response escalated = api.post(ALERTS + "/" + alert + "/escalate", Api.json(Map.of("level", 2,
                "targetUserId", otherNurseAccount.userId(), "reason", "Needs a physician")), nurse);
        assertThat(escalated.status()).as(escalated.body()).isEqualTo(200);
        assertThat(escalated.json().get("escalationLevel").asInt()).isEqualTo(2);
        assertThat(api.post(ALERTS + "/" + alert + "/escalate", Api.json(Map.of("level", 2, "reason", "again")), nurse)
                .status()).as("not above the current level").isEqualTo(409);
        assertThat(api.post(ALERTS + "/" + alert + "/escalate", Api.json(Map.of("level", 3, "targetUserId", Ids.newId(),
                "reason", "x")), nurse).status()).as("target must be a member").isEqualTo(400);
        JsonNode context = api.get(ALERTS + "/" + alert + "/context", nurse).json();
        assertThat(context.get("escalations")).hasSize(1);
        assertThat(context.get("escalations").get(0).get("targetUserId").asString()).isEqualTo(otherNurseAccount.userId());
    }

    @Test
    void aBulkActionGivesEachAlertItsOwnOutcome() {
        String pending = alert();
        String acknowledged = alert();
        act(acknowledged, "acknowledge", nurse);
        String claimedByOther = alert();
        act(claimedByOther, "acknowledge", otherNurse);
        String resolved = alert();
        act(resolved, "acknowledge", nurse);
        act(resolved, "resolve", nurse);
        String missing = Ids.newId();

        Map<String, Object> request = new LinkedHashMap<>();
        request.put("action", "DISMISS");
        request.put("alertIds", List.of(pending, acknowledged, claimedByOther, resolved, missing));
        request.put("reason", "Duplicate of a call already made");
        Api.Response response = api.post(ALERTS + "/bulk", Api.json(request), nurse);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        response.json().get("results").forEach(r -> outcomes.put(r.get("alertId").asString(), r.get("status").asInt()));
        assertThat(outcomes).containsExactly(Map.entry(pending, 409), Map.entry(acknowledged, 200),
                Map.entry(claimedByOther, 409), Map.entry(resolved, 409), Map.entry(missing, 404));
        assertThat(status(pending)).isEqualTo("PENDING");
        assertThat(status(acknowledged)).isEqualTo("DISMISSED");
        assertThat(status(claimedByOther)).isEqualTo("ACKNOWLEDGED");
        assertThat(status(resolved)).isEqualTo("RESOLVED");

        request.remove("reason");
        assertThat(api.post(ALERTS + "/bulk", Api.json(request), nurse).status()).as("reason missing for all").isEqualTo(400);
    }

    // ------------------------------------------------------------------------------- minutes

    @Test
    void resolvingWithMinutesLogsThemExactlyOnceForTheClinicianAndEnrollment() {
        String alert = alert();
        act(alert, "acknowledge", nurse);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("resolutionNotes", "Called the patient, glucose rechecked");
        request.put("actionTaken", "CALLED_PATIENT");
        request.put("minutesSpent", 12);
        request.put("interactiveCommunication", true);
        Api.Response resolved = api.post(ALERTS + "/" + alert + "/resolve", Api.json(request), nurse);
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(api.post(ALERTS + "/" + alert + "/resolve", Api.json(request), nurse).status())
                .as("a second resolve is refused and logs nothing").isEqualTo(409);

        assertThat(data.platformQuery("SELECT count(*)::int FROM time_logs WHERE alert_id = ?", alert)).isOne();
        assertThat(data.platformString("SELECT clinician_id FROM time_logs WHERE alert_id = ?", alert)).isEqualTo(clinician);
        assertThat(data.platformString("SELECT enrollment_id FROM time_logs WHERE alert_id = ?", alert)).isEqualTo(enrollment);
        assertThat(data.platformString("SELECT source || ':' || duration || ':' || interactive_communication "
                + "FROM time_logs WHERE alert_id = ?", alert)).isEqualTo("ALERT_RESOLUTION:12:true");
        // the last interactive contact shows in the context of the patient's next alert
        String next = alert();
        String other = alert();
        JsonNode nextContext = api.get(ALERTS + "/" + next + "/context", nurse).json();
        assertThat(nextContext.get("lastInteractiveContact").get("clinicianId").asString()).isEqualTo(clinician);
        assertThat(nextContext.get("otherOpenAlerts")).hasSize(1);
        assertThat(nextContext.get("otherOpenAlerts").get(0).get("id").asString()).isEqualTo(other);

        // a nurse without a clinician profile cannot log minutes: the resolution is refused as a whole
        act(next, "acknowledge", otherNurse);
        Api.Response refused = api.post(ALERTS + "/" + next + "/resolve", Api.json(request), otherNurse);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(status(next)).isEqualTo("ACKNOWLEDGED");
        assertThat(data.platformQuery("SELECT count(*)::int FROM time_logs WHERE alert_id = ?", next)).isZero();
    }

    // ------------------------------------------------------------------------------- SLA escalation

    @Test
    void slaEscalationFiresOncePerLevelAlsoWhenRunsRace() throws Exception {
        Instant now = clock.instant();
        String alert = alert("CRITICAL", 8.0, now.plus(Duration.ofMinutes(30)), now);
        act(alert, "claim", nurse);
        assertThat(escalation.escalate(clinic)).as("not breached yet").isZero();

        clock.advance(Duration.ofMinutes(31));
        assertThat(raceTwo()).as("two concurrent runs, one escalation").isEqualTo(1);
        assertThat(escalation.escalate(clinic)).as("level 1 only once").isZero();
        assertThat(level(alert)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(57));
        assertThat(escalation.escalate(clinic)).as("level 2 is due an hour after the breach").isZero();
        clock.advance(Duration.ofMinutes(3));
        assertThat(raceTwo()).isEqualTo(1);
        assertThat(level(alert)).isEqualTo(2);
        assertThat(data.platformQuery("SELECT count(*)::int FROM alert_escalations WHERE alert_id = ?", alert)).isEqualTo(2);
        assertThat(data.platformString("SELECT target_user_id FROM alert_escalations WHERE alert_id = ? AND level = 1",
                alert)).as("notifies the claimant").isEqualTo(nurseAccount.userId());
        List<jakarta.mail.internet.MimeMessage> mail = org.vigil.support.TestMail.to(greenMail, nurseAccount.email());
        assertThat(mail).as("by email too, once per level").hasSize(2);
        assertThat(mail.get(1).getSubject()).isEqualTo("Vigil: a CRITICAL alert is past its deadline");
        assertThat(mail.get(1).getContent().toString()).contains("escalated to level 2").contains(alert)
                .doesNotContain("Test alert");

        clock.advance(Duration.ofHours(10));
        assertThat(escalation.escalate(clinic)).isEqualTo(1);
        assertThat(escalation.escalate(clinic)).as("max level 3").isZero();
        assertThat(level(alert)).isEqualTo(3);
    }

    /**
     * Two real db-scheduler instances (as two nodes would run) execute the escalation as a recurring
     * task every 50 ms against the same scheduled_tasks table: however often they run, each level is
     * reached once.
     */
    @Test
    void twoSchedulerInstancesEscalateOncePerLevel() throws Exception {
        Instant now = clock.instant();
        String alert = alert("CRITICAL", 8.0, now.plus(Duration.ofMinutes(30)), now);
        String taskName = "sla-escalation-test-" + Ids.newId();
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        List<com.github.kagkarlsson.scheduler.Scheduler> nodes = new ArrayList<>();
        try {
            for (String node : List.of("node-a", "node-b")) {
                var task = com.github.kagkarlsson.scheduler.task.helper.Tasks.recurring(taskName,
                        com.github.kagkarlsson.scheduler.task.schedule.FixedDelay.of(Duration.ofMillis(50)))
                        .execute((instance, context) -> {
                            escalation.escalate(clinic);
                            runs.incrementAndGet();
                        });
                var scheduler = com.github.kagkarlsson.scheduler.Scheduler.create(dataSource).startTasks(task)
                        .threads(1).pollingInterval(Duration.ofMillis(50))
                        .schedulerName(new com.github.kagkarlsson.scheduler.SchedulerName.Fixed(node + "-" + taskName))
                        .shutdownMaxWait(Duration.ofSeconds(5)).build();
                nodes.add(scheduler);
                scheduler.start();
            }
            awaitRuns(runs, 6);
            assertThat(level(alert)).as("not breached yet").isZero();
            clock.advance(Duration.ofMinutes(31));
            awaitRuns(runs, runs.get() + 6);
            assertThat(level(alert)).isEqualTo(1);
            clock.advance(Duration.ofMinutes(60));
            awaitRuns(runs, runs.get() + 6);
            assertThat(level(alert)).isEqualTo(2);
            assertThat(data.platformQuery("SELECT count(*)::int FROM alert_escalations WHERE alert_id = ?", alert))
                    .isEqualTo(2);
            assertThat(data.platformQuery("SELECT count(DISTINCT picked_by)::int FROM scheduled_tasks WHERE task_name = ?",
                    taskName)).as("one execution row, whichever node holds it").isLessThanOrEqualTo(1);
        } finally {
            nodes.forEach(com.github.kagkarlsson.scheduler.Scheduler::stop);
            data.platformUpdate("DELETE FROM scheduled_tasks WHERE task_name = ?", taskName);
        }
    }

    /** Bounded wait for the schedulers' executions (asynchronous by nature). */
    static void awaitRuns(java.util.concurrent.atomic.AtomicInteger runs, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (runs.get() < atLeast) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the schedulers ran " + runs.get() + " times, expected " + atLeast);
            }
            Thread.sleep(10); // polling for asynchronous executions only
        }
    }

    int level(String alert) {
        return data.platformQuery("SELECT escalation_level FROM alerts WHERE id = ?", alert);
    }

    /** The escalation step run twice at the same moment; returns the total escalations. */
    int raceTwo() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> runs = Stream.of(1, 2).map(i -> pool.submit(() -> {
                start.await();
                return escalation.escalate(clinic);
            })).toList();
            start.countDown();
            int total = 0;
            for (Future<Integer> run : runs) {
                total += run.get(30, TimeUnit.SECONDS);
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------------------- live stream

    @Test
    void anOpenScreenHearsOfAClaim() throws Exception {
        String alert = alert();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpClient http = HttpClient.newHttpClient();
        assertThat(api.get(ALERTS + "/stream", nurse).status()).as("without Accept: text/event-stream").isEqualTo(400);
        CompletableFuture<HttpResponse<Stream<String>>> stream = http.sendAsync(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + ALERTS + "/stream"))
                .header("Authorization", "Bearer " + nurse).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> {
            try {
                HttpResponse<Stream<String>> response = stream.get(20, TimeUnit.SECONDS);
                lines.add("status:" + response.statusCode());
                response.body().forEach(lines::add);
            } catch (Exception e) {
                lines.add("error:" + e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            assertThat(lines.poll(20, TimeUnit.SECONDS)).isEqualTo("status:200");
            awaitLine(lines, "event:ready");
            assertThat(act(alert, "claim", otherNurse).status()).isEqualTo(200);
            String event = awaitLine(lines, alert);
            assertThat(event).contains("\"type\":\"CLAIMED\"").contains(otherNurseAccount.userId())
                    .doesNotContain("Test alert");
        } finally {
            stream.cancel(true);
        }
    }

    @Test
    void anOpenScreenHearsOfAnAlertRaisedByIngestion() throws Exception {
        String glucose = "glucose_" + Ids.newId().substring(0, 10);
        data.platformUpdate("INSERT INTO metric_definitions (id, organization_id, key, display_name, value_type, unit, "
                + "plausible_min, plausible_max, normal_min, normal_max) "
                + "VALUES (?, ?, ?, 'Blood glucose', 'NUMERIC', 'mg/dL', 20, 600, 70, 180)", Ids.newId(), clinic, glucose);
        String highGlucose = Ids.newId();
        data.platformUpdate("INSERT INTO alert_rules (id, organization_id, name, severity, priority, conditions, "
                + "cooldown_minutes) VALUES (?, ?, 'High glucose', 'CRITICAL', 3, ?::jsonb, 60)", highGlucose, clinic,
                "{\"type\": \"threshold\", \"metric\": \"" + glucose + "\", \"op\": \"gte\", \"value\": 250}");
        String preset = data.conditionPreset(clinic);
        data.platformUpdate("INSERT INTO condition_preset_alert_rules (id, condition_preset_id, alert_rule_id, priority, "
                + "organization_id) VALUES (?, ?, ?, 7, ?)", Ids.newId(), preset, highGlucose, clinic);
        data.platformUpdate("UPDATE enrollments SET condition_preset_id = ?, start_date = now() - interval '30 days' "
                + "WHERE id = ?", preset, enrollment);

        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<Stream<String>>> stream = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + ALERTS + "/stream"))
                        .header("Authorization", "Bearer " + nurse).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        stream.thenAccept(response -> response.body().forEach(lines::add));
        try {
            awaitLine(lines, "event:ready");
            Map<String, Object> reading = new LinkedHashMap<>();
            reading.put("patientId", patient);
            reading.put("metric", glucose);
            reading.put("value", 320);
            reading.put("recordedAt", clock.instant().minusSeconds(60).toString());
            reading.put("source", "DEVICE");
            Api.Response posted = api.post("/api/v1/observations", Api.json(reading), nurse);
            assertThat(posted.status()).as(posted.body()).isEqualTo(201);
            String event = awaitLine(lines, "\"type\":\"RAISED\"");
            String raised = data.platformString("SELECT id FROM alerts WHERE patient_id = ? AND rule_id = ?", patient,
                    highGlucose);
            assertThat(event).contains(raised).contains("CRITICAL");
            // the context shows the evidence and the metric's series
            JsonNode context = api.get(ALERTS + "/" + raised + "/context", nurse).json();
            assertThat(context.get("evidence").get(0).get("metric").asString()).isEqualTo(glucose);
            assertThat(context.get("series").get(glucose)).hasSize(1);
        } finally {
            stream.cancel(true);
        }
    }

    static String awaitLine(BlockingQueue<String> lines, String containing) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line != null && line.replace(" ", "").contains(containing.replace(" ", ""))) {
                return line;
            }
        }
        throw new AssertionError("no line with " + containing + " within 20 seconds");
    }

    // ------------------------------------------------------------------------------- isolation

    @Test
    void anotherOrganizationsAlertIsNotFoundByAnyEndpoint() {
        String alert = alert();
        String outsiderClinic = data.organization();
        String outsider = accounts.signIn(api, accounts.member(outsiderClinic, "NURSE"), outsiderClinic);
        String madeUp = Ids.newId();
        for (String action : List.of("claim", "unclaim", "acknowledge", "resolve", "dismiss", "snooze", "escalate")) {
            Api.Response theirs = act(alert, action, outsider);
            Api.Response nobodys = act(madeUp, action, outsider);
            assertThat(theirs.status()).as(action).isEqualTo(404);
            assertThat(theirs.json().get("detail")).isEqualTo(nobodys.json().get("detail"));
        }
        assertThat(api.get(ALERTS + "/" + alert, outsider).status()).isEqualTo(404);
        assertThat(api.get(ALERTS + "/" + alert + "/context", outsider).status()).isEqualTo(404);
        assertThat(ids(api.get(ALERTS + "?includeSnoozed=true&status=PENDING&patientId=" + patient, outsider))).isEmpty();
        assertThat(api.get(ALERTS + "/counts", outsider).json().get("open").asLong()).isZero();
        Api.Response bulk = api.post(ALERTS + "/bulk", Api.json(Map.of("action", "CLAIM", "alertIds", List.of(alert))),
                outsider);
        assertThat(bulk.json().get("results").get(0).get("status").asInt()).isEqualTo(404);
        assertThat(status(alert)).isEqualTo("PENDING");
        assertThat(data.platformString("SELECT claimed_by_id FROM alerts WHERE id = ?", alert)).isNull();
    }
}
