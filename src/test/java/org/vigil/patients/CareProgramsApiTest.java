package org.vigil.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.shared.Ids;
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import org.vigil.tenancy.PlatformScope;
import tools.jackson.databind.JsonNode;

/** The care programs API over real HTTP and PostgreSQL. */
@VigilIntegrationTest
class CareProgramsApiTest {

    static final String PROGRAMS = "/api/v1/care-programs";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformScope platform;

    Api api;
    String clinic;
    String adminToken;
    String nurseToken;

    @BeforeEach
    void aClinicWithAnAdministratorAndANurse() {
        api = new Api(port);
        clinic = data.organization();
        adminToken = accounts.signIn(api, accounts.member(clinic, "ORG_ADMIN"), clinic);
        nurseToken = accounts.signIn(api, accounts.member(clinic, "NURSE"), clinic);
    }

    static Map<String, Object> program(String name, String type) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("type", type);
        body.put("description", "Home monitoring");
        body.put("settings", Map.of("goal", "BP under 130/80", "reviewDays", List.of(1, 15)));
        return body;
    }

    private static String field(Api.Response response) {
        return response.json().get("errors").get(0).get("field").asString();
    }

    private Api.Response create(Map<String, Object> body) {
        return api.post(PROGRAMS, Api.json(body), adminToken);
    }

    @Test
    void createReadUpdateWithETags() {
        Api.Response created = create(program("Hypertension RPM", "REMOTE_PATIENT_MONITORING"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo(PROGRAMS + "/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(created.json().get("settings").get("reviewDays").get(1).asInt()).isEqualTo(15);

        Api.Response read = api.get(PROGRAMS + "/" + id, nurseToken);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("type").asString()).isEqualTo("REMOTE_PATIENT_MONITORING");

        Map<String, Object> update = program("Hypertension RPM", "CHRONIC_CARE_MANAGEMENT");
        update.remove("settings");
        update.remove("description");
        Api.Response updated = api.put(PROGRAMS + "/" + id, Api.json(update), adminToken, read.header("ETag"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.header("ETag")).isEqualTo("\"1\"");
        assertThat(updated.json().get("settings").size()).as("left out: cleared to {}").isZero();
        assertThat(updated.json().get("description").isNull()).isTrue();

        String stored = platform.call(null, "test check", () -> jdbc.queryForObject(
                "SELECT type || ' ' || settings::text FROM care_programs WHERE id = ?", String.class, id));
        assertThat(stored).isEqualTo("CHRONIC_CARE_MANAGEMENT {}");
        String details = platform.call(null, "test check", () -> jdbc.queryForObject(
                "SELECT details::text FROM audit_logs WHERE organization_id = ? AND resource_type = 'CareProgram' "
                        + "AND resource_id = ? AND action = 'UPDATE'", String.class, clinic, id));
        assertThat(details).contains("type", "settings", "description").doesNotContain("130/80");
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothingAMissingOneIs428() {
        String id = create(program("Stale", "GENERAL_WELLNESS")).json().get("id").asString();
        assertThat(api.put(PROGRAMS + "/" + id, Api.json(program("Fresh", "GENERAL_WELLNESS")), adminToken, "\"0\"")
                .status()).isEqualTo(200);
        Api.Response stale = api.put(PROGRAMS + "/" + id, Api.json(program("Late", "GENERAL_WELLNESS")), adminToken, "\"0\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(api.post(PROGRAMS + "/" + id + "/deactivate", "", adminToken, "\"0\"").status()).isEqualTo(412);
        assertThat(api.put(PROGRAMS + "/" + id, Api.json(program("Late", "GENERAL_WELLNESS")), adminToken, null)
                .status()).isEqualTo(428);
        JsonNode stored = api.get(PROGRAMS + "/" + id, adminToken).json();
        assertThat(stored.get("name").asString()).isEqualTo("Fresh");
        assertThat(stored.get("isActive").asBoolean()).isTrue();
    }

    @Test
    void searchFiltersSortsAndPages() {
        create(program("Alpha RTM", "REMOTE_THERAPEUTIC_MONITORING"));
        create(program("Beta RPM", "REMOTE_PATIENT_MONITORING"));
        create(program("Gamma CCM", "CHRONIC_CARE_MANAGEMENT"));
        data.careProgram(data.organization());

        JsonNode all = api.get(PROGRAMS + "?sort=-name", nurseToken).json();
        assertThat(all.get("totalItems").asLong()).isEqualTo(3);
        assertThat(all.get("items").get(0).get("name").asString()).isEqualTo("Gamma CCM");
        assertThat(api.get(PROGRAMS + "?type=REMOTE_PATIENT_MONITORING", nurseToken).json().get("items").get(0)
                .get("name").asString()).isEqualTo("Beta RPM");
        assertThat(api.get(PROGRAMS + "?name=rtm", nurseToken).json().get("totalItems").asLong()).isOne();
        assertThat(api.get(PROGRAMS + "?size=1&page=2&sort=name", nurseToken).json().get("items").get(0).get("name")
                .asString()).isEqualTo("Gamma CCM");

        Api.Response tooBig = api.get(PROGRAMS + "?size=101", nurseToken);
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(field(tooBig)).isEqualTo("size");
        Api.Response badSort = api.get(PROGRAMS + "?sort=settings", nurseToken);
        assertThat(badSort.status()).isEqualTo(400);
        assertThat(field(badSort)).isEqualTo("sort");
        Api.Response badType = api.get(PROGRAMS + "?type=SPA", nurseToken);
        assertThat(badType.status()).isEqualTo(400);
        assertThat(field(badType)).isEqualTo("type");
    }

    @Test
    void namesAreUniquePerOrganizationAndShapesAreChecked() {
        assertThat(create(program("Heart Failure", "REMOTE_PATIENT_MONITORING")).status()).isEqualTo(201);
        Api.Response duplicate = create(program("heart failure", "CHRONIC_CARE_MANAGEMENT"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.contentType()).startsWith("application/problem+json");
        assertThat(field(duplicate)).isEqualTo("name");
        String otherClinic = data.organization();
        String otherAdmin = accounts.signIn(api, accounts.member(otherClinic, "ORG_ADMIN"), otherClinic);
        assertThat(api.post(PROGRAMS, Api.json(program("Heart Failure", "REMOTE_PATIENT_MONITORING")), otherAdmin)
                .status()).isEqualTo(201);

        Map<String, Object> arraySettings = program("Array", "GENERAL_WELLNESS");
        arraySettings.put("settings", List.of(1, 2));
        Api.Response array = create(arraySettings);
        assertThat(array.status()).isEqualTo(400);
        assertThat(field(array)).isEqualTo("settings");
        arraySettings.put("settings", Map.of("blob", "x".repeat(17_000)));
        assertThat(field(create(arraySettings))).isEqualTo("settings");

        Api.Response badType = api.post(PROGRAMS, "{\"name\":\"X\",\"type\":\"SPA_DAY\"}", adminToken);
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().get("detail").asString()).contains("type");
        Api.Response missing = api.post(PROGRAMS, "{\"description\":\"no name\"}", adminToken);
        assertThat(missing.body()).contains("\"field\":\"name\"", "\"field\":\"type\"");
        assertThat(api.post(PROGRAMS, "{\"name\": ", adminToken).status()).isEqualTo(400);
    }

    @Test
    void deactivationStopsNewEnrollmentsAndDeletionIsRefusedWhileEnrollmentsNameIt() {
        String id = create(program("Used", "REMOTE_PATIENT_MONITORING")).json().get("id").asString();
        String patient = data.patient(clinic, "MRN-" + Ids.newId());
        data.enrollment(clinic, patient, data.clinician(clinic), id);

        Api.Response refused = api.delete(PROGRAMS + "/" + id, adminToken);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("1 enrollment");
        Api.Response deactivated = api.post(PROGRAMS + "/" + id + "/deactivate", "", adminToken, "\"0\"");
        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.json().get("isActive").asBoolean()).isFalse();
        assertThat(api.get(PROGRAMS + "?active=true", adminToken).json().get("totalItems").asLong()).isZero();
        assertThat(api.post(PROGRAMS + "/" + id + "/reactivate", "", adminToken, deactivated.header("ETag")).json()
                .get("isActive").asBoolean()).isTrue();

        String unused = create(program("Unused", "GENERAL_WELLNESS")).json().get("id").asString();
        assertThat(api.delete(PROGRAMS + "/" + unused, adminToken).status()).isEqualTo(204);
        assertThat(api.get(PROGRAMS + "/" + unused, adminToken).status()).isEqualTo(404);
    }

    @Test
    void anotherOrganizationsProgramIsNotFoundOnEveryEndpoint() {
        String id = create(program("Mine", "REMOTE_PATIENT_MONITORING")).json().get("id").asString();
        String otherClinic = data.organization();
        String stranger = accounts.signIn(api, accounts.member(otherClinic, "ORG_ADMIN"), otherClinic);
        String path = PROGRAMS + "/" + id;
        for (Api.Response answer : List.of(api.get(path, stranger),
                api.put(path, Api.json(program("Theirs", "GENERAL_WELLNESS")), stranger, "\"0\""),
                api.post(path + "/deactivate", "", stranger, "\"0\""),
                api.post(path + "/reactivate", "", stranger, "\"0\""),
                api.delete(path, stranger))) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.get(path, adminToken).json().get("name").asString()).isEqualTo("Mine");
    }

    @Test
    void aNurseMayReadButNotWritePrograms() {
        assertThat(api.post(PROGRAMS, Api.json(program("Nurse", "GENERAL_WELLNESS")), nurseToken).status()).isEqualTo(403);
        assertThat(api.get(PROGRAMS, nurseToken).status()).isEqualTo(200);
        String auditor = accounts.signIn(api, accounts.member(clinic, "AUDITOR"), clinic);
        assertThat(api.get(PROGRAMS, auditor).status()).isEqualTo(403);
    }
}
