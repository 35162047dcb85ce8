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

/** Metric definitions: organization metrics are created and edited; standard ones only cloned. */
@VigilIntegrationTest
class MetricsApiTest {

    static final String METRICS = "/api/v1/library/metrics";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;

    Api api;
    String clinic;
    String admin;

    @BeforeEach
    void anAdministrator() {
        api = new Api(port);
        clinic = data.organization();
        admin = accounts.signIn(api, accounts.member(clinic, "ORG_ADMIN"), clinic);
    }

    static Map<String, Object> weight(String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", key);
        body.put("displayName", "Body weight");
        body.put("valueType", "NUMERIC");
        body.put("unit", "kg");
        body.put("alternativeUnits", List.of(Map.of("unit", "[lb_av]", "factor", 0.45359237)));
        body.put("normalMin", 40);
        body.put("normalMax", 150);
        body.put("plausibleMin", 1);
        body.put("plausibleMax", 400);
        body.put("decimalPrecision", 1);
        body.put("loincCode", "29463-7");
        return body;
    }

    @Test
    void anOrganizationMetricIsCreatedReadAndReplaced() {
        Api.Response created = api.post(METRICS, Api.json(weight("home_weight")), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("alternativeUnits").get(0).get("unit").asString()).isEqualTo("[lb_av]");
        assertThat(created.json().get("organizationId").asString()).isEqualTo(clinic);

        Map<String, Object> changed = weight("home_weight");
        changed.put("normalMax", 140);
        Api.Response replaced = api.put(METRICS + "/" + id, Api.json(changed), admin, created.header("ETag"));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("normalMax").asInt()).isEqualTo(140);
        assertThat(api.put(METRICS + "/" + id, Api.json(changed), admin, created.header("ETag")).status()).isEqualTo(412);

        Api.Response duplicate = api.post(METRICS, Api.json(weight("home_weight")), admin);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("errors").get(0).get("field").asString()).isEqualTo("key");
        assertThat(api.delete(METRICS + "/" + id, admin).status()).isEqualTo(204);
    }

    @Test
    void bloodPressureIsAPanelOfTwoStandardMetrics() {
        JsonNode standard = api.get(METRICS + "?standardized=true", admin).json();
        List<JsonNode> components = standard.valueStream()
                .filter(m -> !m.get("panel").isNull() && m.get("panel").get("key").asString().equals("blood_pressure"))
                .toList();
        assertThat(components).extracting(m -> m.get("key").asString())
                .containsExactlyInAnyOrder("bp_systolic", "bp_diastolic");
        assertThat(components).allSatisfy(m -> assertThat(m.get("panel").get("loincCode").asString()).isEqualTo("85354-9"));
        assertThat(components).extracting(m -> m.get("loincCode").asString()).containsExactlyInAnyOrder("8480-6", "8462-4");
    }

    @Test
    void aMetricWithReadingsKeepsItsKeyAndIsNotDeleted() {
        Api.Response created = api.post(METRICS, Api.json(weight("scale_weight")), admin);
        String id = created.json().get("id").asString();
        String patient = data.patient(clinic, null);
        data.platformUpdate("INSERT INTO observations (id, organization_id, patient_id, metric_id, value, source) "
                + "VALUES (?, ?, ?, ?, '81.5'::jsonb, 'DEVICE')", org.vigil.shared.Ids.newId(), clinic, patient, id);

        Api.Response renamed = api.put(METRICS + "/" + id, Api.json(weight("scale_weight_kg")), admin,
                created.header("ETag"));
        assertThat(renamed.status()).isEqualTo(409);
        assertThat(renamed.json().get("errors").get(0).get("field").asString()).isEqualTo("key");
        assertThat(api.delete(METRICS + "/" + id, admin).status()).isEqualTo(409);
        assertThat(api.get(METRICS + "/" + id, admin).json().get("key").asString()).isEqualTo("scale_weight");
    }

    @Test
    void aStandardMetricIsClonedNeverEdited() {
        String standard = data.metric(null);
        JsonNode before = api.get(METRICS + "/" + standard, admin).json();
        Api.Response edit = api.put(METRICS + "/" + standard, Api.json(weight(before.get("key").asString())), admin, "\"0\"");
        assertThat(edit.status()).isEqualTo(409);
        assertThat(api.delete(METRICS + "/" + standard, admin).status()).isEqualTo(409);

        Api.Response copy = api.post(METRICS + "/" + standard + "/clone", "", admin);
        assertThat(copy.status()).isEqualTo(201);
        assertThat(copy.json().get("key").asString()).isEqualTo(before.get("key").asString());
        assertThat(copy.json().get("sourceMetricId").asString()).isEqualTo(standard);
        assertThat(api.get(METRICS + "/" + standard, admin).json().toString()).isEqualTo(before.toString());

        String otherClinic = data.organization();
        String outsider = accounts.signIn(api, accounts.member(otherClinic, "ORG_ADMIN"), otherClinic);
        String copyId = copy.json().get("id").asString();
        assertThat(api.get(METRICS + "/" + copyId, outsider).status()).isEqualTo(404);
        assertThat(api.put(METRICS + "/" + copyId, Api.json(weight("x")), outsider, "\"0\"").status()).isEqualTo(404);
        assertThat(api.delete(METRICS + "/" + copyId, outsider).status()).isEqualTo(404);
        assertThat(api.post(METRICS + "/" + copyId + "/clone", "", outsider).status()).isEqualTo(404);
        assertThat(api.get(METRICS + "?standardized=false", outsider).json().valueStream()
                .map(m -> m.get("id").asString())).doesNotContain(copyId);
    }

    @Test
    void inconsistentDefinitionsAreRefusedNamingTheField() {
        Map<String, Object> inverted = weight("w1");
        inverted.put("normalMin", 200);
        assertThat(field(api.post(METRICS, Api.json(inverted), admin))).isEqualTo("normalMax");

        Map<String, Object> outside = weight("w2");
        outside.put("normalMax", 500);
        assertThat(field(api.post(METRICS, Api.json(outside), admin))).isEqualTo("normalMax");

        Map<String, Object> ordinal = weight("w3");
        ordinal.put("valueType", "ORDINAL");
        assertThat(field(api.post(METRICS, Api.json(ordinal), admin))).isEqualTo("options");

        Map<String, Object> badKey = weight("Body Weight");
        assertThat(field(api.post(METRICS, Api.json(badKey), admin))).isEqualTo("key");

        Map<String, Object> badLoinc = weight("w4");
        badLoinc.put("loincCode", "weight");
        assertThat(field(api.post(METRICS, Api.json(badLoinc), admin))).isEqualTo("loincCode");

        Api.Response longCategory = api.get(METRICS + "?category=" + "x".repeat(101), admin);
        assertThat(longCategory.status()).as("a parameter constraint is a 400, not a 500").isEqualTo(400);
        assertThat(longCategory.json().get("errors").get(0).get("field").asString()).isEqualTo("category");

        Map<String, Object> zeroFactor = weight("w5");
        zeroFactor.put("alternativeUnits", List.of(Map.of("unit", "g", "factor", 0)));
        assertThat(field(api.post(METRICS, Api.json(zeroFactor), admin))).isEqualTo("alternativeUnits[0].factor");
    }

    private static String field(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json().get("errors").get(0).get("field").asString();
    }
}
