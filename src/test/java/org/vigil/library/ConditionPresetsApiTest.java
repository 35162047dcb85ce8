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

/** Clone-to-customize: the standard preset stays as shipped; the organization edits its own copy. */
@VigilIntegrationTest
class ConditionPresetsApiTest {

    static final String PRESETS = "/api/v1/library/condition-presets";

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
    String standardTemplate;
    String standardRule;

    @BeforeEach
    void aStandardPresetWithDiagnosisTemplateAndRule() {
        api = new Api(port);
        clinic = data.organization();
        admin = accounts.signIn(api, accounts.member(clinic, "ORG_ADMIN"), clinic);
        standard = data.conditionPreset(null);
        standardTemplate = data.template(null);
        standardRule = data.alertRule(null);
        data.platformUpdate("INSERT INTO condition_preset_diagnoses (id, condition_preset_id, icd10, label, is_primary) "
                + "VALUES (?, ?, 'I10', 'Essential (primary) hypertension', true)", Ids.newId(), standard);
        data.platformUpdate("INSERT INTO condition_preset_templates (id, condition_preset_id, template_id, frequency) "
                + "VALUES (?, ?, ?, '7')", Ids.newId(), standard, standardTemplate);
        data.platformUpdate("INSERT INTO condition_preset_alert_rules (id, condition_preset_id, alert_rule_id, priority) "
                + "VALUES (?, ?, ?, 8)", Ids.newId(), standard, standardRule);
    }

    private static Map<String, Object> edited(String name, String templateId, String ruleId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", "Our protocol");
        body.put("diagnoses", List.of(Map.of("icd10", "I10", "label", "Hypertension", "isPrimary", true),
                Map.of("icd10", "I11.9", "label", "Hypertensive heart disease without heart failure")));
        body.put("templates", List.of(Map.of("templateId", templateId, "frequency", "14", "isRequired", true)));
        body.put("alertRules", List.of(Map.of("alertRuleId", ruleId, "priority", 9)));
        return body;
    }

    @Test
    void cloneDeepCopiesAndEditingTheCopyLeavesTheStandardUnchanged() {
        JsonNode before = api.get(PRESETS + "/" + standard, admin).json();

        Api.Response cloned = api.post(PRESETS + "/" + standard + "/clone", "{\"name\":\"Our hypertension\"}", admin);
        assertThat(cloned.status()).isEqualTo(201);
        JsonNode copy = cloned.json();
        String copyId = copy.get("id").asString();
        assertThat(copy.get("sourcePresetId").asString()).isEqualTo(standard);
        assertThat(copy.get("organizationId").asString()).isEqualTo(clinic);
        assertThat(copy.get("isStandardized").asBoolean()).isFalse();
        assertThat(copy.get("diagnoses").get(0).get("label").asString()).isEqualTo("Essential (primary) hypertension");
        assertThat(copy.get("templates").get(0).get("frequency").asString()).isEqualTo("7");
        assertThat(copy.get("alertRules").get(0).get("priority").asInt()).isEqualTo(8);

        Api.Response replaced = api.put(PRESETS + "/" + copyId, Api.json(edited("Our hypertension v2",
                standardTemplate, standardRule)), admin, cloned.header("ETag"));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("diagnoses").size()).isEqualTo(2);
        assertThat(replaced.json().get("templates").get(0).get("frequency").asString()).isEqualTo("14");
        assertThat(replaced.header("ETag")).isNotEqualTo(cloned.header("ETag"));
        assertThat(api.put(PRESETS + "/" + copyId, Api.json(edited("Stale", standardTemplate, standardRule)), admin,
                cloned.header("ETag")).status()).isEqualTo(412);

        JsonNode after = api.get(PRESETS + "/" + standard, admin).json();
        assertThat(after.toString()).isEqualTo(before.toString());
    }

    @Test
    void theStandardCanNeitherBeEditedNorDeleted() {
        Api.Response read = api.get(PRESETS + "/" + standard, admin);
        Api.Response edit = api.put(PRESETS + "/" + standard, Api.json(edited("Mine now", standardTemplate,
                standardRule)), admin, read.header("ETag"));
        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.contentType()).startsWith("application/problem+json");
        assertThat(edit.json().get("detail").asString()).contains("Clone");
        assertThat(api.delete(PRESETS + "/" + standard, admin).status()).isEqualTo(409);
        assertThat(api.get(PRESETS + "/" + standard, admin).json().get("name").asString()).startsWith("Preset ");

        String copy = api.post(PRESETS + "/" + standard + "/clone", "", admin).json().get("id").asString();
        assertThat(api.delete(PRESETS + "/" + copy, admin).status()).isEqualTo(204);
        assertThat(api.get(PRESETS + "/" + copy, admin).status()).isEqualTo(404);
    }

    @Test
    void anotherOrganizationCannotSeeOrUseACopy() {
        Api.Response cloned = api.post(PRESETS + "/" + standard + "/clone", "", admin);
        String copy = cloned.json().get("id").asString();
        String ownTemplate = data.template(clinic);

        String otherClinic = data.organization();
        String outsider = accounts.signIn(api, accounts.member(otherClinic, "ORG_ADMIN"), otherClinic);
        assertThat(api.get(PRESETS + "/" + copy, outsider).status()).isEqualTo(404);
        assertThat(api.post(PRESETS + "/" + copy + "/clone", "", outsider).status()).isEqualTo(404);
        assertThat(api.put(PRESETS + "/" + copy, Api.json(edited("x", standardTemplate, standardRule)), outsider, "\"0\"")
                .status()).isEqualTo(404);
        assertThat(api.delete(PRESETS + "/" + copy, outsider).status()).isEqualTo(404);
        assertThat(api.get(PRESETS, outsider).json().valueStream().map(p -> p.get("id").asString()))
                .contains(standard).doesNotContain(copy);
        // Nor reference our own template from their preset.
        Api.Response borrowing = api.post(PRESETS, Api.json(edited("Borrowed", ownTemplate, standardRule)), outsider);
        assertThat(borrowing.status()).isEqualTo(400);
        assertThat(borrowing.json().get("errors").get(0).get("field").asString()).isEqualTo("templates[0].templateId");
    }

    @Test
    void badPresetsAreRefusedNamingTheField() {
        Map<String, Object> badFrequency = edited("Weekly?", standardTemplate, standardRule);
        badFrequency.put("templates", List.of(Map.of("templateId", standardTemplate, "frequency", "weekly")));
        Api.Response frequency = api.post(PRESETS, Api.json(badFrequency), admin);
        assertThat(frequency.status()).isEqualTo(400);
        assertThat(frequency.json().get("errors").get(0).get("field").asString()).isEqualTo("templates[0].frequency");

        Map<String, Object> badCode = edited("Bad code", standardTemplate, standardRule);
        badCode.put("diagnoses", List.of(Map.of("icd10", "hypertension", "label", "x")));
        assertThat(api.post(PRESETS, Api.json(badCode), admin).json().get("errors").get(0).get("field").asString())
                .isEqualTo("diagnoses[0].icd10");

        assertThat(api.post(PRESETS, Api.json(edited("Twice", standardTemplate, standardRule)), admin).status())
                .isEqualTo(201);
        Api.Response duplicate = api.post(PRESETS, Api.json(edited("Twice", standardTemplate, standardRule)), admin);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("errors").get(0).get("field").asString()).isEqualTo("name");

        String nurse = accounts.signIn(api, accounts.member(clinic, "NURSE"), clinic);
        assertThat(api.get(PRESETS + "/" + standard, nurse).status()).isEqualTo(200);
        assertThat(api.post(PRESETS + "/" + standard + "/clone", "", nurse).status()).isEqualTo(403);
    }
}
