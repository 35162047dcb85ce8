package org.vigil.library;

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

/** Alert rules: conditions are validated against the language and the organization's library on save. */
@VigilIntegrationTest
class AlertRulesApiTest {

    static final String RULES = "/api/v1/library/alert-rules";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;

    Api api;
    String clinic;
    String admin;
    String metricKey;

    @BeforeEach
    void anAdministratorAndAStandardMetric() {
        api = new Api(port);
        clinic = data.organization();
        admin = accounts.signIn(api, accounts.member(clinic, "ORG_ADMIN"), clinic);
        String metric = data.metric(null);
        metricKey = "m_" + metric;
    }

    private Map<String, Object> rule(String name, Object conditions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("severity", "CRITICAL");
        body.put("priority", 9);
        body.put("conditions", conditions);
        body.put("cooldownMinutes", 120);
        body.put("clinicalEvidence", "ACC/AHA 2017: hypertensive crisis");
        return body;
    }

    private Map<String, Object> threshold(String key, int value) {
        return Map.of("type", "threshold", "metric", key, "op", "gte", "value", value);
    }

    @Test
    void aValidRuleIsStoredInCanonicalFormAndEditedWithIfMatch() {
        Api.Response created = api.post(RULES, Api.json(rule("Crisis", Map.of("any",
                List.of(threshold(metricKey, 180), threshold(metricKey, 120))))), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode conditions = created.json().get("conditions");
        assertThat(conditions.get("any").get(0).get("metric").asString()).isEqualTo(metricKey);
        String id = created.json().get("id").asString();

        Api.Response replaced = api.put(RULES + "/" + id, Api.json(rule("Crisis", threshold(metricKey, 185))), admin,
                created.header("ETag"));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("conditions").get("value").asInt()).isEqualTo(185);
        assertThat(api.put(RULES + "/" + id, Api.json(rule("Crisis", threshold(metricKey, 190))), admin,
                created.header("ETag")).status()).isEqualTo(412);
    }

    @Test
    void rulesOnTheStandardLibrarysQuestionnairesAndVitalsAreAccepted() {
        Api.Response item9 = api.post(RULES, Api.json(rule("Item 9 " + clinic, Map.of("type", "assessment_item",
                "template", "phq9", "item", "phq9_item9", "op", "gt", "value", 0))), admin);
        assertThat(item9.status()).as(item9.body()).isEqualTo(201);
        Api.Response crisis = api.post(RULES, Api.json(rule("Crisis " + clinic, threshold("bp_systolic", 180))), admin);
        assertThat(crisis.status()).as(crisis.body()).isEqualTo(201);
        assertThat(fields(api.post(RULES, Api.json(rule("No item", Map.of("type", "assessment_item", "template", "phq9",
                "item", "gad7_item1", "op", "gt", "value", 0))), admin))).containsExactly("conditions.item");
    }

    @Test
    void aRuleThatCouldNeverFireIsRefusedWithThePathOfEachError() {
        Api.Response unknownMetric = api.post(RULES, Api.json(rule("Ghost", Map.of("all", List.of(
                threshold(metricKey, 180), threshold("systolic_blood_pressure", 180))))), admin);
        assertThat(unknownMetric.status()).isEqualTo(400);
        assertThat(fields(unknownMetric)).containsExactly("conditions.all[1].metric");

        Map<String, Object> typo = new LinkedHashMap<>(threshold(metricKey, 180));
        typo.put("treshold", 5);
        Api.Response misspelt = api.post(RULES, Api.json(rule("Typo", typo)), admin);
        assertThat(fields(misspelt)).containsExactly("conditions.treshold");

        Api.Response unknownOperator = api.post(RULES, Api.json(rule("Trend?", Map.of("type", "trend_increasing",
                "metric", metricKey))), admin);
        assertThat(unknownOperator.status()).isEqualTo(400);
        assertThat(fields(unknownOperator)).contains("conditions.type");

        // Another organization's own metric does not exist for us.
        String otherClinic = data.organization();
        String theirs = data.metric(otherClinic);
        assertThat(fields(api.post(RULES, Api.json(rule("Theirs", threshold("m_" + theirs, 1))), admin)))
                .containsExactly("conditions.metric");
    }

    private static List<String> fields(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    void standardRulesAreClonedNotEditedAndCopiesStayInTheOrganization() {
        String standard = data.alertRule(null);
        Api.Response edit = api.put(RULES + "/" + standard, Api.json(rule("Mine", threshold(metricKey, 1))), admin, "\"0\"");
        assertThat(edit.status()).isEqualTo(409);
        assertThat(api.delete(RULES + "/" + standard, admin).status()).isEqualTo(409);

        Api.Response copy = api.post(RULES + "/" + standard + "/clone", "{\"name\":\"Our rule\"}", admin);
        assertThat(copy.status()).isEqualTo(201);
        assertThat(copy.json().get("sourceRuleId").asString()).isEqualTo(standard);
        String copyId = copy.json().get("id").asString();
        assertThat(api.put(RULES + "/" + copyId, Api.json(rule("Our rule", threshold(metricKey, 7))), admin,
                copy.header("ETag")).status()).isEqualTo(200);

        String otherClinic = data.organization();
        String outsider = accounts.signIn(api, accounts.member(otherClinic, "ORG_ADMIN"), otherClinic);
        assertThat(api.get(RULES + "/" + copyId, outsider).status()).isEqualTo(404);
        assertThat(api.delete(RULES + "/" + copyId, outsider).status()).isEqualTo(404);
        assertThat(api.post(RULES + "/" + copyId + "/clone", "", outsider).status()).isEqualTo(404);
        assertThat(api.delete(RULES + "/" + copyId, admin).status()).isEqualTo(204);
    }
}
