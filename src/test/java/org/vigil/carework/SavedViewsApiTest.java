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
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.TestClock;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Saved views: one default per user and type, private or shared, changed only by their owner. */
@VigilIntegrationTest
class SavedViewsApiTest {

    static final String VIEWS = "/api/v1/saved-views";

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
    String nurse;
    String colleague;

    @BeforeEach
    void twoMembersOfAClinic() {
        api = new Api(port);
        clinic = data.organization();
        nurse = accounts.signIn(api, accounts.member(clinic, "NURSE"), clinic);
        colleague = accounts.signIn(api, accounts.member(clinic, "CARE_COORDINATOR"), clinic);
    }

    @AfterEach
    void resetTheClock() {
        clock.reset();
    }

    private Map<String, Object> view(String name, String type, boolean shared, boolean isDefault) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("viewType", type);
        body.put("filters", Map.of("assignedTo", "me", "overdue", true));
        body.put("displayConfig", Map.of("columns", List.of("title", "dueDate")));
        body.put("isShared", shared);
        body.put("isDefault", isDefault);
        return body;
    }

    private Api.Response create(String token, Map<String, Object> body) {
        Api.Response created = api.post(VIEWS, Api.json(body), token);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created;
    }

    private boolean isDefault(String id, String token) {
        return api.get(VIEWS + "/" + id, token).json().get("isDefault").asBoolean();
    }

    @Test
    void aViewIsSavedReadAndReplacedByItsOwner() {
        Api.Response created = create(nurse, view("Overdue", "TASK_LIST", false, false));
        JsonNode saved = created.json();
        String id = saved.get("id").asString();
        assertThat(created.header("Location")).isEqualTo(VIEWS + "/" + id);
        assertThat(saved.get("filters").get("overdue").asBoolean()).isTrue();
        assertThat(saved.get("owned").asBoolean()).isTrue();
        assertThat(saved.get("usageCount").asInt()).isZero();

        Map<String, Object> renamed = view("Overdue, urgent first", "TASK_LIST", false, false);
        renamed.put("filters", Map.of("overdue", true, "sort", "-priority"));
        Api.Response replaced = api.put(VIEWS + "/" + id, Api.json(renamed), nurse, created.header("ETag"));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("name").asString()).isEqualTo("Overdue, urgent first");
        assertThat(replaced.json().get("filters").get("sort").asString()).isEqualTo("-priority");
        assertThat(api.put(VIEWS + "/" + id, Api.json(renamed), nurse, created.header("ETag")).status())
                .as("stale").isEqualTo(412);
        assertThat(api.put(VIEWS + "/" + id, Api.json(renamed), nurse, null).status()).isEqualTo(428);

        Api.Response duplicate = api.post(VIEWS, Api.json(view("Overdue, urgent first", "PATIENT_LIST", false, false)),
                nurse);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(api.post(VIEWS, Api.json(view("Overdue, urgent first", "TASK_LIST", false, false)), colleague)
                .status()).as("names are unique per user, not per organization").isEqualTo(201);

        Map<String, Object> tooBig = view("Huge", "TASK_LIST", false, false);
        tooBig.put("filters", Map.of("q", "x".repeat(9000)));
        Api.Response refused = api.post(VIEWS, Api.json(tooBig), nurse);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("filters");
        tooBig.put("filters", Map.of());
        tooBig.put("displayConfig", List.of("columns"));
        assertThat(api.post(VIEWS, Api.json(tooBig), nurse).json().get("errors").get(0).get("field").asString())
                .isEqualTo("displayConfig");

        assertThat(api.delete(VIEWS + "/" + id, nurse).status()).isEqualTo(204);
        assertThat(api.get(VIEWS + "/" + id, nurse).status()).isEqualTo(404);
    }

    @Test
    void aNewDefaultClearsThePreviousOneOfTheSameUserAndType() {
        String first = create(nurse, view("First", "TRIAGE_QUEUE", false, true)).json().get("id").asString();
        String otherType = create(nurse, view("Patients", "PATIENT_LIST", false, true)).json().get("id").asString();
        String colleagues = create(colleague, view("Theirs", "TRIAGE_QUEUE", false, true)).json().get("id").asString();
        Api.Response before = api.get(VIEWS + "/" + first, nurse);

        String second = create(nurse, view("Second", "TRIAGE_QUEUE", false, true)).json().get("id").asString();
        assertThat(isDefault(second, nurse)).isTrue();
        assertThat(isDefault(first, nurse)).as("cleared").isFalse();
        assertThat(isDefault(otherType, nurse)).as("another type keeps its default").isTrue();
        assertThat(isDefault(colleagues, colleague)).as("another user keeps theirs").isTrue();
        assertThat(api.put(VIEWS + "/" + first, Api.json(view("First", "TRIAGE_QUEUE", false, true)), nurse,
                before.header("ETag")).status()).as("clearing the default changed the first view's version")
                .isEqualTo(412);

        Api.Response firstNow = api.get(VIEWS + "/" + first, nurse);
        Api.Response back = api.put(VIEWS + "/" + first, Api.json(view("First", "TRIAGE_QUEUE", false, true)), nurse,
                firstNow.header("ETag"));
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(isDefault(first, nurse)).isTrue();
        assertThat(isDefault(second, nurse)).isFalse();
        assertThat(data.platformQuery("SELECT count(*) FROM saved_views WHERE organization_id = ? AND is_default "
                + "AND view_type = 'TRIAGE_QUEUE'", clinic)).as("one per user").isEqualTo(2);
    }

    @Test
    void sharedViewsAreVisibleAndReadOnlyPrivateOnesDoNotExistForOthers() {
        Api.Response shared = create(nurse, view("Team queue", "TRIAGE_QUEUE", true, false));
        String sharedId = shared.json().get("id").asString();
        Api.Response mine = create(nurse, view("Mine only", "TRIAGE_QUEUE", false, false));
        String privateId = mine.json().get("id").asString();
        String colleaguesOwn = create(colleague, view("Colleague's", "TASK_LIST", false, false)).json().get("id")
                .asString();

        assertThat(listed(colleague, "")).containsExactlyInAnyOrder(sharedId, colleaguesOwn);
        assertThat(listed(colleague, "?viewType=TRIAGE_QUEUE")).containsExactly(sharedId);
        assertThat(listed(nurse, "")).containsExactlyInAnyOrder(sharedId, privateId);
        assertThat(api.get(VIEWS + "/" + sharedId, colleague).json().get("owned").asBoolean()).isFalse();

        assertThat(api.get(VIEWS + "/" + privateId, colleague).status()).isEqualTo(404);
        assertThat(api.put(VIEWS + "/" + privateId, Api.json(view("Hijack", "TRIAGE_QUEUE", false, false)), colleague,
                mine.header("ETag")).status()).isEqualTo(404);
        assertThat(api.delete(VIEWS + "/" + privateId, colleague).status()).isEqualTo(404);
        assertThat(api.post(VIEWS + "/" + privateId + "/use", "{}", colleague).status()).isEqualTo(404);

        assertThat(api.put(VIEWS + "/" + sharedId, Api.json(view("Hijack", "TRIAGE_QUEUE", true, false)), colleague,
                shared.header("ETag")).status()).as("shared is read-only for others").isEqualTo(403);
        assertThat(api.delete(VIEWS + "/" + sharedId, colleague).status()).isEqualTo(403);
        assertThat(api.get(VIEWS + "/" + sharedId, nurse).json().get("name").asString()).isEqualTo("Team queue");

        Api.Response unshared = api.put(VIEWS + "/" + sharedId, Api.json(view("Team queue", "TRIAGE_QUEUE", false,
                false)), nurse, shared.header("ETag"));
        assertThat(unshared.status()).isEqualTo(200);
        assertThat(api.get(VIEWS + "/" + sharedId, colleague).status()).as("no longer shared").isEqualTo(404);

        String elsewhere = data.organization();
        String outsider = accounts.signIn(api, accounts.member(elsewhere, "ORG_ADMIN"), elsewhere);
        assertThat(api.get(VIEWS + "/" + privateId, outsider).status()).isEqualTo(404);
        assertThat(listed(outsider, "")).isEmpty();
    }

    @Test
    void usingAViewCountsItWithoutChangingItsVersion() {
        Api.Response shared = create(nurse, view("Team queue", "TRIAGE_QUEUE", true, false));
        String id = shared.json().get("id").asString();
        clock.advance(Duration.ofDays(1));
        Api.Response used = api.post(VIEWS + "/" + id + "/use", "{}", nurse);
        assertThat(used.status()).as(used.body()).isEqualTo(200);
        assertThat(used.json().get("usageCount").asInt()).isOne();
        assertThat(Instant.parse(used.json().get("lastUsedAt").asString()))
                .isCloseTo(Instant.now().plus(Duration.ofDays(1)), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
        assertThat(api.post(VIEWS + "/" + id + "/use", "{}", colleague).json().get("usageCount").asInt())
                .as("a shared view is used by others too").isEqualTo(2);
        assertThat(api.put(VIEWS + "/" + id, Api.json(view("Team queue", "TRIAGE_QUEUE", true, false)), nurse,
                shared.header("ETag")).status()).as("the owner's ETag is still current").isEqualTo(200);
    }

    private List<String> listed(String token, String query) {
        Api.Response response = api.get(VIEWS + query, token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
