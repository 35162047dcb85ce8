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

/** Patients over HTTP: create, read, search, replace with If-Match, deactivate, delete, validation. */
@VigilIntegrationTest
class PatientsApiTest {

    static final String PATIENTS = "/api/v1/patients";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;

    Api api;
    String clinic;
    String physician;

    @BeforeEach
    void aClinicWithAPhysician() {
        api = new Api(port);
        clinic = data.organization();
        physician = accounts.signIn(api, accounts.member(clinic, "PHYSICIAN"), clinic);
    }

    static Map<String, Object> patient(String mrn, String first, String last, String dateOfBirth) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("medicalRecordNumber", mrn);
        body.put("firstName", first);
        body.put("lastName", last);
        body.put("dateOfBirth", dateOfBirth);
        body.put("gender", "FEMALE");
        body.put("email", "ada@example.test");
        body.put("phone", "+1 (555) 010-2030");
        body.put("address", "1 Main St, Springfield");
        body.put("emergencyContact", Map.of("name", "Ben Lovelace", "relationship", "son", "phone", "555-010-9999"));
        body.put("insuranceInfo", Map.of("type", "MEDICARE_PART_B", "payerName", "Medicare",
                "medicareBeneficiaryIdentifier", "1EG4TE5MK73", "qualifiedMedicareBeneficiary", false));
        return body;
    }

    private Api.Response create(Map<String, Object> body) {
        return api.post(PATIENTS, Api.json(body), physician);
    }

    @Test
    void createdPatientReadsBackWithLocationAndETag() {
        Api.Response created = create(patient("MRN-1", "Ada", "Lovelace", "1948-12-10"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/patients/" + id);
        assertThat(created.header("ETag")).matches("\"\\d+\"");

        Api.Response read = api.get(PATIENTS + "/" + id, physician);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo(created.header("ETag"));
        JsonNode patient = read.json();
        assertThat(patient.get("medicalRecordNumber").asString()).isEqualTo("MRN-1");
        assertThat(patient.get("dateOfBirth").asString()).isEqualTo("1948-12-10");
        assertThat(patient.get("gender").asString()).isEqualTo("FEMALE");
        assertThat(patient.get("isActive").asBoolean()).isTrue();
        assertThat(patient.get("emergencyContact").get("phone").asString()).isEqualTo("555-010-9999");
        assertThat(patient.get("insuranceInfo").get("type").asString()).isEqualTo("MEDICARE_PART_B");
        assertThat(patient.get("insuranceInfo").get("medicareBeneficiaryIdentifier").asString()).isEqualTo("1EG4TE5MK73");
    }

    @Test
    void medicalRecordNumberIsUniquePerOrganizationNotGlobally() {
        assertThat(create(patient("MRN-7", "Ada", "Lovelace", "1948-12-10")).status()).isEqualTo(201);

        Api.Response duplicate = create(patient("MRN-7", "Grace", "Hopper", "1936-12-09"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.contentType()).startsWith("application/problem+json");
        assertThat(duplicate.json().get("errors").get(0).get("field").asString()).isEqualTo("medicalRecordNumber");

        String otherClinic = data.organization();
        String otherPhysician = accounts.signIn(api, accounts.member(otherClinic, "PHYSICIAN"), otherClinic);
        assertThat(api.post(PATIENTS, Api.json(patient("MRN-7", "Grace", "Hopper", "1936-12-09")), otherPhysician)
                .status()).isEqualTo(201);
    }

    @Test
    void searchFiltersPagesAndSortsOnlyByOfferedFields() {
        create(patient("S-1", "Ada", "Lovelace", "1948-12-10"));
        create(patient("S-2", "Grace", "Hopper", "1936-12-09"));
        create(patient("S-3", "Adam", "Smith", "1950-06-05"));

        JsonNode byName = api.get(PATIENTS + "?name=ada", physician).json();
        assertThat(byName.get("totalItems").asLong()).isEqualTo(2);
        assertThat(names(byName)).containsExactly("Lovelace", "Smith");

        assertThat(names(api.get(PATIENTS + "?name=ada%20love", physician).json())).containsExactly("Lovelace");
        assertThat(names(api.get(PATIENTS + "?medicalRecordNumber=S-2", physician).json())).containsExactly("Hopper");
        assertThat(names(api.get(PATIENTS + "?dateOfBirth=1950-06-05", physician).json())).containsExactly("Smith");
        assertThat(names(api.get(PATIENTS + "?name=%25", physician).json())).isEmpty(); // a wildcard is a character
        assertThat(names(api.get(PATIENTS + "?sort=-dateOfBirth", physician).json()))
                .containsExactly("Smith", "Lovelace", "Hopper");

        JsonNode firstPage = api.get(PATIENTS + "?size=2&page=0", physician).json();
        assertThat(firstPage.get("items").size()).isEqualTo(2);
        assertThat(firstPage.get("totalItems").asLong()).isEqualTo(3);
        assertThat(firstPage.get("totalPages").asInt()).isEqualTo(2);
        assertThat(api.get(PATIENTS + "?size=2&page=1", physician).json().get("items").size()).isEqualTo(1);

        Api.Response tooBig = api.get(PATIENTS + "?size=101", physician);
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
        Api.Response badSort = api.get(PATIENTS + "?sort=ssn", physician);
        assertThat(badSort.status()).isEqualTo(400);
        assertThat(badSort.json().get("errors").get(0).get("field").asString()).isEqualTo("sort");
        Api.Response badDate = api.get(PATIENTS + "?dateOfBirth=yesterday", physician);
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("errors").get(0).get("field").asString()).isEqualTo("dateOfBirth");
    }

    private static List<String> names(JsonNode page) {
        return page.get("items").valueStream().map(item -> item.get("lastName").asString()).toList();
    }

    @Test
    void replaceNeedsTheCurrentETagAndAStaleOneChangesNothing() {
        Api.Response created = create(patient("R-1", "Ada", "Lovelace", "1948-12-10"));
        String id = created.json().get("id").asString();
        String etag = created.header("ETag");
        Map<String, Object> changed = patient("R-1", "Ada", "King", "1948-12-10");
        changed.remove("emergencyContact");

        assertThat(api.put(PATIENTS + "/" + id, Api.json(changed), physician, null).status()).isEqualTo(428);
        Api.Response replaced = api.put(PATIENTS + "/" + id, Api.json(changed), physician, etag);
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("lastName").asString()).isEqualTo("King");
        assertThat(replaced.json().get("emergencyContact").isNull()).isTrue(); // PUT: absent means cleared
        assertThat(replaced.header("ETag")).isNotEqualTo(etag);

        Api.Response stale = api.put(PATIENTS + "/" + id, Api.json(patient("R-1", "Ada", "Byron", "1948-12-10")),
                physician, etag);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(api.get(PATIENTS + "/" + id, physician).json().get("lastName").asString()).isEqualTo("King");
    }

    @Test
    void deactivationKeepsThePatientAndDeletingOneWithClinicalDataIsRefused() {
        Api.Response created = create(patient("D-1", "Ada", "Lovelace", "1948-12-10"));
        String id = created.json().get("id").asString();
        Api.Response deactivated = api.post(PATIENTS + "/" + id + "/deactivate", "", physician, created.header("ETag"));
        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.json().get("isActive").asBoolean()).isFalse();
        assertThat(names(api.get(PATIENTS + "?active=false&medicalRecordNumber=D-1", physician).json()))
                .containsExactly("Lovelace");
        Api.Response reactivated = api.post(PATIENTS + "/" + id + "/activate", "", physician, deactivated.header("ETag"));
        assertThat(reactivated.json().get("isActive").asBoolean()).isTrue();

        String enrolled = data.patient(clinic, "D-2");
        data.enrollment(clinic, enrolled, data.clinician(clinic), data.careProgram(clinic));
        Api.Response refused = api.delete(PATIENTS + "/" + enrolled, physician);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("enrollments").contains("Deactivate");
        assertThat(api.get(PATIENTS + "/" + enrolled, physician).status()).isEqualTo(200);

        assertThat(api.delete(PATIENTS + "/" + id, physician).status()).isEqualTo(204);
        assertThat(api.get(PATIENTS + "/" + id, physician).status()).isEqualTo(404);
    }

    @Test
    void badInputIsA400NamingTheFieldNeverA500() {
        Map<String, Object> missingName = patient("V-1", "Ada", "Lovelace", "1948-12-10");
        missingName.remove("firstName");
        assertField(create(missingName), 400, "firstName");

        assertField(create(patient("V-1", "Ada", "L".repeat(101), "1948-12-10")), 400, "lastName");
        assertField(create(patient("V-1", "Ada", "Lovelace", "1848-12-10")), 400, "dateOfBirth");
        assertField(create(patient("V-1", "Ada", "Lovelace", "2999-01-01")), 400, "dateOfBirth");
        assertField(create(patient("V 1; DROP", "Ada", "Lovelace", "1948-12-10")), 400, "medicalRecordNumber");

        Map<String, Object> noContactPhone = patient("V-1", "Ada", "Lovelace", "1948-12-10");
        noContactPhone.put("emergencyContact", Map.of("name", "Ben"));
        assertField(create(noContactPhone), 400, "emergencyContact.phone");

        Map<String, Object> badMbi = patient("V-1", "Ada", "Lovelace", "1948-12-10");
        badMbi.put("insuranceInfo", Map.of("type", "MEDICARE_PART_B", "medicareBeneficiaryIdentifier", "123-45-6789"));
        assertField(create(badMbi), 400, "insuranceInfo.medicareBeneficiaryIdentifier");

        Map<String, Object> unknownPayer = patient("V-1", "Ada", "Lovelace", "1948-12-10");
        unknownPayer.put("insuranceInfo", Map.of("type", "GOLD_PLAN"));
        Api.Response payer = create(unknownPayer);
        assertThat(payer.status()).isEqualTo(400);
        assertThat(payer.json().get("detail").asString()).contains("insuranceInfo.type");

        Map<String, Object> contactAsText = patient("V-1", "Ada", "Lovelace", "1948-12-10");
        contactAsText.put("emergencyContact", "call Ben");
        assertThat(create(contactAsText).json().get("detail").asString()).contains("emergencyContact");

        Api.Response wrongType = api.post(PATIENTS, "{\"firstName\":\"Ada\",\"lastName\":\"L\",\"dateOfBirth\":12}",
                physician);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("detail").asString()).contains("dateOfBirth");
        Api.Response malformed = api.post(PATIENTS, "{\"firstName\":", physician);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
    }

    private static void assertField(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .as(response.body()).contains(field);
    }

    @Test
    void rolesDecideWhoReadsAndWhoWrites() {
        String id = create(patient("P-1", "Ada", "Lovelace", "1948-12-10")).json().get("id").asString();
        String nurse = accounts.signIn(api, accounts.member(clinic, "NURSE"), clinic);
        String billing = accounts.signIn(api, accounts.member(clinic, "BILLING_ADMIN"), clinic);
        String auditor = accounts.signIn(api, accounts.member(clinic, "AUDITOR"), clinic);

        assertThat(api.get(PATIENTS + "/" + id, nurse).status()).isEqualTo(200);
        assertThat(api.post(PATIENTS, Api.json(patient("P-2", "A", "B", "1950-01-01")), nurse).status()).isEqualTo(403);
        assertThat(api.get(PATIENTS + "/" + id, billing).status()).isEqualTo(200);
        assertThat(api.get(PATIENTS + "/" + id, auditor).status()).isEqualTo(403);
        assertThat(api.get(PATIENTS + "/" + id, null).status()).isEqualTo(401);
    }
}
