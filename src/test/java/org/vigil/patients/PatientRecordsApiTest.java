package org.vigil.patients;

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

/**
 * Diagnoses and consents of a patient; the audit trail of patient reads and writes; and the
 * tenancy promise: another organization's member gets 404 for every id of this one.
 */
@VigilIntegrationTest
class PatientRecordsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;

    Api api;
    String clinic;
    String physician;
    String patientId;
    String base;

    @BeforeEach
    void aPatient() {
        api = new Api(port);
        clinic = data.organization();
        physician = accounts.signIn(api, accounts.member(clinic, "PHYSICIAN"), clinic);
        Api.Response created = api.post("/api/v1/patients",
                Api.json(PatientsApiTest.patient("PR-1", "Ada", "Lovelace", "1948-12-10")), physician);
        patientId = created.json().get("id").asString();
        base = "/api/v1/patients/" + patientId;
    }

    static Map<String, Object> diagnosis(String code, boolean primary) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("icd10Code", code);
        body.put("label", "label of " + code);
        body.put("isPrimary", primary);
        body.put("onsetDate", "2020-01-15");
        return body;
    }

    @Test
    void oneCurrentPrimaryDiagnosisAndCodesInIcd10Form() {
        Api.Response hypertension = api.post(base + "/diagnoses", Api.json(diagnosis("I10", true)), physician);
        assertThat(hypertension.status()).isEqualTo(201);
        Api.Response diabetes = api.post(base + "/diagnoses", Api.json(diagnosis("e119", true)), physician);
        assertThat(diabetes.status()).isEqualTo(201);
        assertThat(diabetes.json().get("icd10Code").asString()).isEqualTo("E11.9");

        JsonNode list = api.get(base + "/diagnoses", physician).json();
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.get(0).get("icd10Code").asString()).isEqualTo("E11.9");
        assertThat(list.get(0).get("isPrimary").asBoolean()).isTrue();
        assertThat(list.get(1).get("isPrimary").asBoolean()).isFalse(); // I10 was demoted

        Api.Response again = api.post(base + "/diagnoses", Api.json(diagnosis("E11.9", false)), physician);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("icd10Code");
        Api.Response notIcd = api.post(base + "/diagnoses", Api.json(diagnosis("U07.1X", false)), physician);
        assertThat(notIcd.status()).isEqualTo(400);
        assertThat(notIcd.json().get("errors").get(0).get("field").asString()).isEqualTo("icd10Code");

        String id = hypertension.json().get("id").asString();
        Map<String, Object> resolved = diagnosis("I10", false);
        resolved.put("resolvedDate", "2019-01-01");
        Api.Response beforeOnset = api.put(base + "/diagnoses/" + id, Api.json(resolved), physician,
                hypertension.header("ETag"));
        assertThat(beforeOnset.json().get("errors").get(0).get("field").asString()).isEqualTo("resolvedDate");
        resolved.put("resolvedDate", "2024-05-01");
        Api.Response stale = api.put(base + "/diagnoses/" + id, Api.json(resolved), physician, "\"999\"");
        assertThat(stale.status()).isEqualTo(412);
        // Its ETag was "0" at creation; the demotion was a change, so it is "1" now.
        assertThat(api.put(base + "/diagnoses/" + id, Api.json(resolved), physician, hypertension.header("ETag"))
                .status()).isEqualTo(412);
        Api.Response ok = api.put(base + "/diagnoses/" + id, Api.json(resolved), physician, "\"1\"");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("resolvedDate").asString()).isEqualTo("2024-05-01");

        assertThat(api.delete(base + "/diagnoses/" + id, physician).status()).isEqualTo(204);
        assertThat(api.get(base + "/diagnoses", physician).json().size()).isEqualTo(1);
    }

    @Test
    void consentsAreRecordedOnceAndRevokedOnce() {
        Map<String, Object> program = new LinkedHashMap<>();
        program.put("type", "PROGRAM");
        program.put("consentedOn", "2025-03-01");
        program.put("method", "VERBAL");
        Api.Response unstated = api.post(base + "/consents", Api.json(program), physician);
        assertThat(unstated.json().get("errors").get(0).get("field").asString()).isEqualTo("costSharingAcknowledged");
        program.put("costSharingAcknowledged", true);
        Api.Response withoutProgram = api.post(base + "/consents", Api.json(program), physician);
        assertThat(withoutProgram.status()).isEqualTo(400);
        assertThat(withoutProgram.json().get("errors").get(0).get("field").asString()).isEqualTo("programType");

        program.put("programType", "REMOTE_PATIENT_MONITORING");
        Api.Response recorded = api.post(base + "/consents", Api.json(program), physician);
        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.json().get("active").asBoolean()).isTrue();
        assertThat(recorded.json().get("recordedByUserId").asString()).isNotBlank();
        String id = recorded.json().get("id").asString();

        Api.Response early = api.post(base + "/consents/" + id + "/revoke", "{\"revokedOn\":\"2025-01-01\"}", physician);
        assertThat(early.json().get("errors").get(0).get("field").asString()).isEqualTo("revokedOn");
        Api.Response revoked = api.post(base + "/consents/" + id + "/revoke", "{\"revokedOn\":\"2025-06-01\"}", physician);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("active").asBoolean()).isFalse();
        assertThat(api.post(base + "/consents/" + id + "/revoke", "{\"revokedOn\":\"2025-07-01\"}", physician).status())
                .isEqualTo(409);
        assertThat(api.get(base + "/consents", physician).json().get(0).get("revokedOn").asString())
                .isEqualTo("2025-06-01");
        // A patient with a consent on record is kept.
        assertThat(api.delete(base, physician).status()).isEqualTo(409);
    }

    @Test
    void everyReadAndWriteOfThePatientIsAuditedWithoutValues() {
        api.get(base, physician);
        api.get("/api/v1/patients?name=Lovelace", physician);
        api.post(base + "/diagnoses", Api.json(diagnosis("I10", true)), physician);
        String admin = accounts.signIn(api, accounts.member(clinic, "ORG_ADMIN"), clinic);

        JsonNode entries = api.get("/api/v1/audit-events?patientId=" + patientId + "&size=50", admin).json().get("items");
        List<String> actions = entries.valueStream()
                .map(e -> e.get("action").asString() + " " + e.get("resourceType").asString()).toList();
        assertThat(actions).contains("CREATE Patient", "READ Patient", "CREATE PatientDiagnosis");
        assertThat(entries.valueStream().allMatch(e -> e.get("hipaaRelevant").asBoolean())).isTrue();
        assertThat(entries.valueStream().allMatch(e -> e.get("ipAddress").asString().equals(api.address()))).isTrue();

        JsonNode search = api.get("/api/v1/audit-events?action=SEARCH&resourceType=Patient", admin).json()
                .get("items").get(0);
        assertThat(search.get("details").get("returned").get(0).asString()).isEqualTo(patientId);
        assertThat(search.get("details").get("filters").get(0).asString()).isEqualTo("name");
        assertThat(search.get("details").toString()).doesNotContain("Lovelace");
    }

    @Test
    void anotherOrganizationsMemberGets404ForEveryId() {
        String diagnosisId = api.post(base + "/diagnoses", Api.json(diagnosis("I10", true)), physician).json()
                .get("id").asString();
        Map<String, Object> consent = Map.of("type", "TREATMENT", "consentedOn", "2025-03-01", "method", "WRITTEN",
                "costSharingAcknowledged", false);
        Api.Response recorded = api.post(base + "/consents", Api.json(consent), physician);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        String consentId = recorded.json().get("id").asString();

        String otherClinic = data.organization();
        String outsider = accounts.signIn(api, accounts.member(otherClinic, "ORG_ADMIN"), otherClinic);
        String patient = Api.json(PatientsApiTest.patient("X-1", "Eve", "Mallory", "1970-01-01"));
        List<Api.Response> answers = List.of(
                api.get(base, outsider),
                api.put(base, patient, outsider, "\"0\""),
                api.post(base + "/deactivate", "", outsider, "\"0\""),
                api.post(base + "/activate", "", outsider, "\"0\""),
                api.delete(base, outsider),
                api.get(base + "/diagnoses", outsider),
                api.post(base + "/diagnoses", Api.json(diagnosis("E11.9", false)), outsider),
                api.put(base + "/diagnoses/" + diagnosisId, Api.json(diagnosis("E11.9", false)), outsider, "\"0\""),
                api.delete(base + "/diagnoses/" + diagnosisId, outsider),
                api.get(base + "/consents", outsider),
                api.post(base + "/consents", Api.json(consent), outsider),
                api.post(base + "/consents/" + consentId + "/revoke", "{\"revokedOn\":\"2025-06-01\"}", outsider));
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body()).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        });
        // The outsider's own patient with the same MRN exists independently; the search never shows ours.
        assertThat(api.get("/api/v1/patients?name=Lovelace", outsider).json().get("totalItems").asLong()).isZero();
        // And nothing of ours changed.
        assertThat(api.get(base, physician).json().get("isActive").asBoolean()).isTrue();
        assertThat(api.get(base + "/diagnoses", physician).json().size()).isEqualTo(1);
        assertThat(api.get(base + "/consents", physician).json().get(0).get("active").asBoolean()).isTrue();
        // A diagnosis id reached through another of our own patients is not found either.
        String otherPatient = data.patient(clinic, "PR-2");
        assertThat(api.get("/api/v1/patients/" + otherPatient + "/diagnoses", physician).json().size()).isZero();
        assertThat(api.delete("/api/v1/patients/" + otherPatient + "/diagnoses/" + diagnosisId, physician).status())
                .isEqualTo(404);
    }
}
