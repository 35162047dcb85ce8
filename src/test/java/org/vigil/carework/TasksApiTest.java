package org.vigil.carework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/** Tasks: assigned to active members, filtered, edited with If-Match, moved along their status machine. */
@VigilIntegrationTest
class TasksApiTest {

    static final String TASKS = "/api/v1/tasks";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;
    @Autowired
    TestClock clock;

    Api api;
    String clinic;
    Accounts.Account nurseAccount;
    Accounts.Account coordinatorAccount;
    String nurse;
    String coordinator;
    String patient;

    @BeforeEach
    void aClinicWithANurseACoordinatorAndAPatient() {
        api = new Api(port);
        clinic = data.organization();
        nurseAccount = accounts.member(clinic, "NURSE");
        coordinatorAccount = accounts.member(clinic, "CARE_COORDINATOR");
        nurse = accounts.signIn(api, nurseAccount, clinic);
        coordinator = accounts.signIn(api, coordinatorAccount, clinic);
        patient = data.patient(clinic, null);
    }

    @AfterEach
    void resetTheClock() {
        clock.reset();
    }

    private Map<String, Object> task(String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("patientId", patient);
        body.put("taskType", "FOLLOW_UP_CALL");
        body.put("title", title);
        body.put("priority", "HIGH");
        body.put("assignedToId", coordinatorAccount.userId());
        return body;
    }

    private JsonNode create(Map<String, Object> body) {
        Api.Response created = api.post(TASKS, Api.json(body), nurse);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private Api.Response status(String id, String status) {
        return api.post(TASKS + "/" + id + "/status", Api.json(Map.of("status", status)), nurse);
    }

    private static String firstField(Api.Response response) {
        return response.json().get("errors").get(0).get("field").asString();
    }

    @Test
    void aTaskIsCreatedReadAndEditedWithIfMatch() {
        Instant due = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = task("Call about the weekend readings");
        body.put("description", "Ask about the home cuff");
        body.put("dueDate", due.toString());
        Api.Response created = api.post(TASKS, Api.json(body), nurse);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode task = created.json();
        String id = task.get("id").asString();
        assertThat(created.header("Location")).isEqualTo(TASKS + "/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(task.get("status").asString()).isEqualTo("PENDING");
        assertThat(task.get("assignedToId").asString()).isEqualTo(coordinatorAccount.userId());
        assertThat(task.get("assignedById").asString()).as("the caller assigns").isEqualTo(nurseAccount.userId());
        assertThat(Instant.parse(task.get("dueDate").asString())).isEqualTo(due);
        assertThat(task.get("overdue").asBoolean()).isFalse();

        Api.Response read = api.get(TASKS + "/" + id, coordinator);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("title").asString()).isEqualTo("Call about the weekend readings");

        Map<String, Object> edit = Map.of("taskType", "MED_REVIEW", "title", "Review the medication list",
                "priority", "URGENT");
        assertThat(api.put(TASKS + "/" + id, Api.json(edit), nurse, null).status()).as("If-Match required")
                .isEqualTo(428);
        Api.Response edited = api.put(TASKS + "/" + id, Api.json(edit), nurse, read.header("ETag"));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("taskType").asString()).isEqualTo("MED_REVIEW");
        assertThat(edited.json().get("priority").asString()).isEqualTo("URGENT");
        assertThat(edited.json().get("dueDate").isNull()).as("left out, cleared").isTrue();
        assertThat(edited.header("ETag")).isEqualTo("\"1\"");

        Api.Response stale = api.put(TASKS + "/" + id, Api.json(edit), nurse, read.header("ETag"));
        assertThat(stale.status()).as("stale If-Match").isEqualTo(412);
        assertThat(api.post(TASKS + "/" + id + "/status", Api.json(Map.of("status", "IN_PROGRESS")), nurse, "\"0\"")
                .status()).as("a stale If-Match on a transition").isEqualTo(412);
        assertThat(api.get(TASKS + "/" + id, nurse).json().get("status").asString()).isEqualTo("PENDING");

        Map<String, Object> tooLong = task("x".repeat(201));
        assertThat(firstField(api.post(TASKS, Api.json(tooLong), nurse))).isEqualTo("title");
        assertThat(data.platformQuery("SELECT count(*) FROM audit_logs WHERE resource_id = ? AND action = 'UPDATE'", id))
                .as("the edit is audited").isOne();
    }

    @Test
    void onlyAnActiveMemberOfTheOrganizationCanBeAssigned() {
        Map<String, Object> body = task("Follow up");
        body.remove("assignedToId");
        assertThat(create(body).get("assignedToId").asString()).as("default: the caller")
                .isEqualTo(nurseAccount.userId());

        String elsewhere = data.organization();
        Accounts.Account outsider = accounts.member(elsewhere, "NURSE");
        body.put("assignedToId", outsider.userId());
        Api.Response foreign = api.post(TASKS, Api.json(body), nurse);
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(firstField(foreign)).isEqualTo("assignedToId");

        body.put("assignedToId", Ids.newId());
        assertThat(firstField(api.post(TASKS, Api.json(body), nurse))).isEqualTo("assignedToId");

        Accounts.Account leaver = accounts.member(clinic, "NURSE");
        data.platformUpdate("UPDATE user_organizations SET is_active = false WHERE user_id = ?", leaver.userId());
        body.put("assignedToId", leaver.userId());
        assertThat(firstField(api.post(TASKS, Api.json(body), nurse))).as("a deactivated member")
                .isEqualTo("assignedToId");

        String id = create(task("Reassign me")).get("id").asString();
        Api.Response refused = api.post(TASKS + "/" + id + "/reassign",
                Api.json(Map.of("assignedToId", outsider.userId())), nurse);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(firstField(refused)).isEqualTo("assignedToId");
        Api.Response reassigned = api.post(TASKS + "/" + id + "/reassign",
                Api.json(Map.of("assignedToId", nurseAccount.userId())), coordinator);
        assertThat(reassigned.status()).as(reassigned.body()).isEqualTo(200);
        assertThat(reassigned.json().get("assignedToId").asString()).isEqualTo(nurseAccount.userId());
        assertThat(reassigned.json().get("assignedById").asString()).isEqualTo(coordinatorAccount.userId());
        assertThat(data.platformQuery("SELECT count(*) FROM tasks WHERE organization_id = ?", clinic)).isEqualTo(2);
    }

    @Test
    void linkedAlertsAndAssessmentsMustBeTheOrganizations() {
        Map<String, Object> body = task("About the PHQ-9");
        body.put("alertId", Ids.newId());
        Api.Response noAlert = api.post(TASKS, Api.json(body), nurse);
        assertThat(noAlert.status()).isEqualTo(400);
        assertThat(firstField(noAlert)).isEqualTo("alertId");

        String elsewhere = data.organization();
        String theirs = assessment(elsewhere, data.patient(elsewhere, null));
        body.remove("alertId");
        body.put("assessmentId", theirs);
        assertThat(firstField(api.post(TASKS, Api.json(body), nurse))).isEqualTo("assessmentId");

        body.put("assessmentId", assessment(clinic, data.patient(clinic, null)));
        assertThat(firstField(api.post(TASKS, Api.json(body), nurse))).as("another patient's assessment")
                .isEqualTo("assessmentId");

        String ours = assessment(clinic, patient);
        body.remove("patientId");
        body.put("assessmentId", ours);
        JsonNode task = create(body);
        assertThat(task.get("assessmentId").asString()).isEqualTo(ours);
        assertThat(task.get("patientId").asString()).as("the assessment's patient").isEqualTo(patient);

        body.put("patientId", Ids.newId());
        body.remove("assessmentId");
        assertThat(firstField(api.post(TASKS, Api.json(body), nurse))).isEqualTo("patientId");
    }

    private String assessment(String organization, String patientId) {
        String id = Ids.newId();
        data.platformUpdate("INSERT INTO assessments (id, organization_id, patient_id, template_id, responses) "
                + "VALUES (?, ?, ?, ?, '{}'::jsonb)", id, organization, patientId, data.template(organization));
        return id;
    }

    /** A task brought to {@code status} along legal transitions. */
    private String taskIn(String status) {
        String id = create(task("Task " + status)).get("id").asString();
        switch (status) {
            case "IN_PROGRESS" -> assertThat(status(id, "IN_PROGRESS").status()).isEqualTo(200);
            case "COMPLETED" -> {
                assertThat(status(id, "IN_PROGRESS").status()).isEqualTo(200);
                assertThat(status(id, "COMPLETED").status()).isEqualTo(200);
            }
            case "CANCELLED" -> assertThat(status(id, "CANCELLED").status()).isEqualTo(200);
            default -> {
            }
        }
        return id;
    }

    @Test
    void everyLegalAndIllegalStatusTransition() {
        Map<String, List<String>> legal = Map.of(
                "PENDING", List.of("IN_PROGRESS", "CANCELLED"),
                "IN_PROGRESS", List.of("COMPLETED", "CANCELLED", "PENDING"),
                "COMPLETED", List.of(),
                "CANCELLED", List.of());
        List<String> all = List.of("PENDING", "IN_PROGRESS", "COMPLETED", "CANCELLED");
        List<String> wrong = new ArrayList<>();
        for (String from : all) {
            for (String to : all) {
                String id = taskIn(from);
                Api.Response answer = status(id, to);
                boolean allowed = legal.get(from).contains(to);
                String after = api.get(TASKS + "/" + id, nurse).json().get("status").asString();
                if (allowed) {
                    if (answer.status() != 200 || !after.equals(to)) {
                        wrong.add(from + " -> " + to + " should succeed: " + answer.status() + " " + answer.body());
                    }
                } else if (answer.status() != 409 || !after.equals(from)
                        || !from.equals(answer.json().get("currentStatus").asString())
                        || !to.equals(answer.json().get("targetStatus").asString())
                        || !answer.json().get("detail").asString().contains(from)) {
                    wrong.add(from + " -> " + to + " should be refused naming both: " + answer.status() + " "
                            + answer.body());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void completingRecordsWhoAndWhenAndClosedTasksStayClosed() {
        String id = taskIn("IN_PROGRESS");
        Api.Response completed = api.post(TASKS + "/" + id + "/status",
                Api.json(Map.of("status", "COMPLETED", "completionNotes", "Patient reached, BP fine")), coordinator);
        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        JsonNode task = completed.json();
        assertThat(task.get("completedById").asString()).isEqualTo(coordinatorAccount.userId());
        assertThat(Instant.parse(task.get("completedAt").asString())).isCloseTo(Instant.now(),
                org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
        assertThat(task.get("completionNotes").asString()).isEqualTo("Patient reached, BP fine");

        Api.Response edit = api.put(TASKS + "/" + id, Api.json(Map.of("taskType", "CUSTOM", "title", "Changed")), nurse,
                completed.header("ETag"));
        assertThat(edit.status()).isEqualTo(409);
        assertThat(api.post(TASKS + "/" + id + "/reassign", Api.json(Map.of("assignedToId", nurseAccount.userId())),
                nurse).status()).isEqualTo(409);

        String pending = taskIn("PENDING");
        Api.Response notes = api.post(TASKS + "/" + pending + "/status",
                Api.json(Map.of("status", "IN_PROGRESS", "completionNotes", "too early")), nurse);
        assertThat(notes.status()).isEqualTo(400);
        assertThat(firstField(notes)).isEqualTo("completionNotes");
    }

    @Test
    void listsFilterSortAndPage() {
        Instant now = Instant.now();
        Map<String, Object> overdue = task("Overdue call");
        overdue.put("dueDate", now.minus(Duration.ofDays(1)).toString());
        overdue.put("priority", "LOW");
        String overdueId = create(overdue).get("id").asString();

        Map<String, Object> mine = task("My review");
        mine.put("assignedToId", nurseAccount.userId());
        mine.put("dueDate", now.plus(Duration.ofDays(3)).toString());
        mine.put("priority", "URGENT");
        String mineId = create(mine).get("id").asString();

        Map<String, Object> otherPatient = task("Other patient");
        otherPatient.put("patientId", data.patient(clinic, null));
        otherPatient.put("dueDate", now.plus(Duration.ofDays(1)).toString());
        otherPatient.put("priority", "MEDIUM");
        String otherId = create(otherPatient).get("id").asString();

        Map<String, Object> pastButDone = task("Done already");
        pastButDone.put("dueDate", now.minus(Duration.ofDays(2)).toString());
        String doneId = create(pastButDone).get("id").asString();
        status(doneId, "CANCELLED");

        assertThat(ids("")).containsExactly(doneId, overdueId, otherId, mineId);
        assertThat(ids("?assignedTo=me")).containsExactly(mineId);
        assertThat(ids("?assignedTo=" + coordinatorAccount.userId())).containsExactly(doneId, overdueId, otherId);
        assertThat(ids("?overdue=true")).containsExactly(overdueId);
        assertThat(ids("?overdue=false")).containsExactly(doneId, otherId, mineId);
        assertThat(ids("?status=CANCELLED")).containsExactly(doneId);
        assertThat(ids("?priority=URGENT")).containsExactly(mineId);
        assertThat(ids("?patientId=" + patient)).containsExactly(doneId, overdueId, mineId);
        assertThat(ids("?dueBefore=" + now.plus(Duration.ofHours(36)))).containsExactly(doneId, overdueId, otherId);
        assertThat(ids("?sort=-priority")).as("by urgency, not alphabetically")
                .containsExactly(mineId, doneId, otherId, overdueId);
        assertThat(ids("?sort=-createdAt")).containsExactly(doneId, otherId, mineId, overdueId);

        Api.Response page = api.get(TASKS + "?size=2&page=1", nurse);
        assertThat(page.json().get("totalItems").asLong()).isEqualTo(4);
        assertThat(page.json().get("items").size()).isEqualTo(2);
        assertThat(page.json().get("items").get(0).get("id").asString()).isEqualTo(otherId);
        assertThat(api.get(TASKS + "?overdue=true", nurse).json().get("items").get(0).get("overdue").asBoolean())
                .isTrue();

        Api.Response badSort = api.get(TASKS + "?sort=title", nurse);
        assertThat(badSort.status()).isEqualTo(400);
        assertThat(firstField(badSort)).isEqualTo("sort");
        assertThat(api.get(TASKS + "?status=DONE", nurse).status()).isEqualTo(400);

        clock.advance(Duration.ofDays(2));
        assertThat(ids("?overdue=true")).as("the clock decides what is overdue").containsExactly(overdueId, otherId);
    }

    private List<String> ids(String query) {
        Api.Response response = api.get(TASKS + query, nurse);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    @Test
    void anotherOrganizationsTasksAreNotFound() {
        String id = create(task("Private follow-up")).get("id").asString();
        String elsewhere = data.organization();
        String outsider = accounts.signIn(api, accounts.member(elsewhere, "NURSE"), elsewhere);

        assertThat(api.get(TASKS + "/" + id, outsider).status()).isEqualTo(404);
        assertThat(api.put(TASKS + "/" + id, Api.json(Map.of("taskType", "CUSTOM", "title", "x")), outsider, "\"0\"")
                .status()).isEqualTo(404);
        assertThat(status(id, "CANCELLED").status()).isEqualTo(200);
        assertThat(api.post(TASKS + "/" + id + "/status", Api.json(Map.of("status", "PENDING")), outsider).status())
                .isEqualTo(404);
        assertThat(api.post(TASKS + "/" + id + "/reassign", Api.json(Map.of("assignedToId", Ids.newId())), outsider)
                .status()).isEqualTo(404);
        assertThat(api.get(TASKS, outsider).json().get("totalItems").asLong()).isZero();
    }
}
