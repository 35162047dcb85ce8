package org.vigil.library;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Assessment templates: cloning copies every item; the standard never changes through an organization. */
@VigilIntegrationTest
class AssessmentTemplatesApiTest {

    static final String TEMPLATES = "/api/v1/library/assessment-templates";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;

    Api api;
    String clinic;
    String admin;
    String standard;
    String first;
    String second;

    @BeforeEach
    void aStandardTemplateOfTwoItems() {
        api = new Api(port);
        clinic = data.organization();
        admin = accounts.signIn(api, accounts.member(clinic, "ORG_ADMIN"), clinic);
        standard = data.template(null);
        first = data.metric(null);
        second = data.metric(null);
        data.platformUpdate("INSERT INTO assessment_template_items (id, template_id, metric_definition_id, display_order, "
                + "is_required, flag_rule) VALUES (?, ?, ?, 1, true, '{\"op\":\"gt\",\"value\":0}'::jsonb)",
                Ids.newId(), standard, first);
        data.platformUpdate("INSERT INTO assessment_template_items (id, template_id, metric_definition_id, display_order) "
                + "VALUES (?, ?, ?, 2)", Ids.newId(), standard, second);
    }

    private static Map<String, Object> template(String name, List<String> metricIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("items", metricIds.stream().map(id -> Map.of("metricDefinitionId", id, "isRequired", true)).toList());
        return body;
    }

    @Test
    void aCloneKeepsEveryItemAndItsEditsLeaveTheStandardAlone() {
        JsonNode before = api.get(TEMPLATES + "/" + standard, admin).json();
        assertThat(before.get("items").size()).isEqualTo(2);

        Api.Response cloned = api.post(TEMPLATES + "/" + standard + "/clone", "{\"name\":\"Ours\"}", admin);
        assertThat(cloned.status()).isEqualTo(201);
        JsonNode copy = cloned.json();
        assertThat(copy.get("sourceTemplateId").asString()).isEqualTo(standard);
        assertThat(copy.get("items").size()).isEqualTo(2);
        assertThat(copy.get("items").get(0).get("isRequired").asBoolean()).isTrue();
        assertThat(copy.get("items").get(0).get("flagRule").get("op").asString()).isEqualTo("gt");

        String own = data.metric(clinic);
        Api.Response edited = api.put(TEMPLATES + "/" + copy.get("id").asString(),
                Api.json(template("Ours", List.of(second, own))), admin, cloned.header("ETag"));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("items").valueStream().map(i -> i.get("metricDefinitionId").asString()))
                .containsExactly(second, own);

        assertThat(api.get(TEMPLATES + "/" + standard, admin).json().toString()).isEqualTo(before.toString());
        assertThat(api.put(TEMPLATES + "/" + standard, Api.json(template("Mine", List.of(first))), admin, "\"0\"")
                .status()).isEqualTo(409);
        assertThat(api.delete(TEMPLATES + "/" + standard, admin).status()).isEqualTo(409);
    }

    @Test
    void theScoringSpecificationMustBeValidAndScoreOnlyTheTemplatesItems() {
        String first = data.metric(clinic);
        String second = data.metric(clinic);
        String firstKey = "m_" + first;
        String secondKey = "m_" + second;
        Map<String, Object> scored = template("Two items " + first, List.of(first, second));
        scored.put("scoring", Map.of("method", "SUM", "items", List.of(firstKey, secondKey),
                "itemRange", Map.of("min", 0, "max", 3), "range", Map.of("min", 0, "max", 6), "decimals", 0,
                "bands", List.of(Map.of("min", 0, "max", 2, "label", "Negative"),
                        Map.of("min", 3, "max", 6, "label", "Positive", "severity", "MEDIUM"))));
        Api.Response created = api.post(TEMPLATES, Api.json(scored), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        Map<String, Object> gap = new LinkedHashMap<>(scored);
        gap.put("name", "Gap " + first);
        gap.put("scoring", Map.of("method", "SUM", "items", List.of(firstKey, secondKey),
                "itemRange", Map.of("min", 0, "max", 3), "range", Map.of("min", 0, "max", 6), "decimals", 0,
                "bands", List.of(Map.of("min", 0, "max", 1, "label", "Negative"),
                        Map.of("min", 3, "max", 6, "label", "Positive"))));
        Api.Response gapped = api.post(TEMPLATES, Api.json(gap), admin);
        assertThat(gapped.status()).isEqualTo(400);
        assertThat(gapped.json().get("errors").get(0).get("field").asString()).startsWith("scoring.bands");

        Map<String, Object> stranger = new LinkedHashMap<>(scored);
        stranger.put("name", "Stranger " + first);
        stranger.put("items", List.of(Map.of("metricDefinitionId", first)));
        Api.Response foreignItem = api.post(TEMPLATES, Api.json(stranger), admin);
        assertThat(foreignItem.status()).isEqualTo(400);
        assertThat(foreignItem.json().get("errors").get(0).get("field").asString()).isEqualTo("scoring.items");

        Map<String, Object> flagged = template("Flagged " + first, List.of(first));
        flagged.put("items", List.of(Map.of("metricDefinitionId", first, "flagRule", Map.of("op", "gt", "value", 0,
                "severity", "URGENT"))));
        Api.Response badFlag = api.post(TEMPLATES, Api.json(flagged), admin);
        assertThat(badFlag.status()).isEqualTo(400);
        assertThat(badFlag.json().get("errors").get(0).get("field").asString()).isEqualTo("items[0].flagRule.severity");
    }

    @Test
    void otherOrganizationsNeitherSeeACopyNorUseOurMetrics() {
        String copy = api.post(TEMPLATES + "/" + standard + "/clone", "", admin).json().get("id").asString();
        String ownMetric = data.metric(clinic);
        String otherClinic = data.organization();
        String outsider = accounts.signIn(api, accounts.member(otherClinic, "ORG_ADMIN"), otherClinic);

        assertThat(api.get(TEMPLATES + "/" + copy, outsider).status()).isEqualTo(404);
        assertThat(api.delete(TEMPLATES + "/" + copy, outsider).status()).isEqualTo(404);
        assertThat(api.post(TEMPLATES + "/" + copy + "/clone", "", outsider).status()).isEqualTo(404);
        assertThat(api.put(TEMPLATES + "/" + copy, Api.json(template("x", List.of(first))), outsider, "\"0\"").status())
                .isEqualTo(404);
        Api.Response borrowing = api.post(TEMPLATES, Api.json(template("Borrowed", List.of(first, ownMetric))), outsider);
        assertThat(borrowing.status()).isEqualTo(400);
        assertThat(borrowing.json().get("errors").get(0).get("field").asString()).isEqualTo("items[1].metricDefinitionId");
        Api.Response empty = api.post(TEMPLATES, Api.json(template("Empty", List.of())), outsider);
        assertThat(empty.json().get("errors").get(0).get("field").asString()).isEqualTo("items");
    }
}
