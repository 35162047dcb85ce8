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

/** The clinicians API over real HTTP and PostgreSQL. */
@VigilIntegrationTest
class CliniciansApiTest {

    static final String CLINICIANS = "/api/v1/clinicians";

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

    static Map<String, Object> clinician(String lastName, String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstName", "Dana");
        body.put("lastName", lastName);
        body.put("email", email);
        body.put("phone", "+1 555 0100");
        body.put("specialization", "Cardiology");
        body.put("npiNumber", "1234567893");
        body.put("credentials", "md");
        body.put("department", "Internal Medicine");
        return body;
    }

    private static String field(Api.Response response) {
        return response.json().get("errors").get(0).get("field").asString();
    }

    private Api.Response create(Map<String, Object> body) {
        return api.post(CLINICIANS, Api.json(body), adminToken);
    }

    @Test
    void createReadUpdateWithETags() {
        Api.Response created = create(clinician("Okafor", "Dana.Okafor@Clinic.Example"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.get("id").asString();
        assertThat(created.header("Location")).isEqualTo(CLINICIANS + "/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(body.get("email").asString()).as("stored in lower case").isEqualTo("dana.okafor@clinic.example");
        assertThat(body.get("credentials").asString()).as("canonical spelling").isEqualTo("MD");
        assertThat(body.get("billingCapacity").asString()).isEqualTo("PHYSICIAN");
        assertThat(body.get("physicianOrQhp").asBoolean()).isTrue();
        assertThat(body.get("isActive").asBoolean()).isTrue();
        assertThat(body.has("organizationId")).isFalse();

        Api.Response read = api.get(CLINICIANS + "/" + id, nurseToken);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        assertThat(read.json().get("npiNumber").asString()).isEqualTo("1234567893");

        Map<String, Object> update = clinician("Okafor-Reyes", "dana.okafor@clinic.example");
        update.put("credentials", "RN");
        update.remove("phone");
        Api.Response updated = api.put(CLINICIANS + "/" + id, Api.json(update), adminToken, read.header("ETag"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.header("ETag")).isEqualTo("\"1\"");
        assertThat(updated.json().get("lastName").asString()).isEqualTo("Okafor-Reyes");
        assertThat(updated.json().get("phone").isNull()).as("left out of the PUT: cleared").isTrue();
        assertThat(updated.json().get("billingCapacity").asString()).isEqualTo("CLINICAL_STAFF");
        assertThat(updated.json().get("physicianOrQhp").asBoolean()).isFalse();

        String details = platform.call(null, "test check", () -> jdbc.queryForObject(
                "SELECT details::text FROM audit_logs WHERE organization_id = ? AND resource_type = 'Clinician' "
                        + "AND resource_id = ? AND action = 'UPDATE'", String.class, clinic, id));
        assertThat(details).contains("lastName", "credentials", "phone").doesNotContain("Okafor", "Reyes", "555");
        List<String> actions = platform.call(null, "test check", () -> jdbc.queryForList(
                "SELECT action FROM audit_logs WHERE organization_id = ? AND resource_type = 'Clinician' "
                        + "AND resource_id = ? ORDER BY created_at", String.class, clinic, id));
        assertThat(actions).containsExactly("CREATE", "READ", "UPDATE");
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothingAMissingOneIs428() {
        String id = create(clinician("Stale", "stale@clinic.test")).json().get("id").asString();
        Map<String, Object> first = clinician("First", "stale@clinic.test");
        assertThat(api.put(CLINICIANS + "/" + id, Api.json(first), adminToken, "\"0\"").status()).isEqualTo(200);

        Api.Response stale = api.put(CLINICIANS + "/" + id, Api.json(clinician("Second", "stale@clinic.test")),
                adminToken, "\"0\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        Api.Response missing = api.put(CLINICIANS + "/" + id, Api.json(clinician("Third", "stale@clinic.test")),
                adminToken, null);
        assertThat(missing.status()).isEqualTo(428);
        assertThat(api.post(CLINICIANS + "/" + id + "/deactivate", "", adminToken).status()).isEqualTo(428);

        JsonNode stored = api.get(CLINICIANS + "/" + id, adminToken).json();
        assertThat(stored.get("lastName").asString()).isEqualTo("First");
        assertThat(stored.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void searchFiltersSortsAndPages() {
        for (String name : List.of("Adams", "Baker", "Clark")) {
            Map<String, Object> body = clinician(name, name.toLowerCase() + "@clinic.test");
            body.remove("npiNumber");
            assertThat(create(body).status()).isEqualTo(201);
        }
        Map<String, Object> withNpi = clinician("Zuniga", "zuniga@clinic.test");
        withNpi.put("npiNumber", "1003000126");
        assertThat(create(withNpi).status()).isEqualTo(201);
        String otherClinic = data.organization();
        data.clinician(otherClinic);

        JsonNode all = api.get(CLINICIANS + "?sort=-lastName", nurseToken).json();
        assertThat(all.get("totalItems").asLong()).isEqualTo(4);
        assertThat(all.get("items").get(0).get("lastName").asString()).isEqualTo("Zuniga");

        JsonNode page = api.get(CLINICIANS + "?size=2&page=1&sort=lastName", nurseToken).json();
        assertThat(page.get("items").get(0).get("lastName").asString()).isEqualTo("Clark");
        assertThat(page.get("totalPages").asInt()).isEqualTo(2);

        assertThat(api.get(CLINICIANS + "?name=AKE", nurseToken).json().get("items").get(0).get("lastName").asString())
                .isEqualTo("Baker");
        assertThat(api.get(CLINICIANS + "?name=%25", nurseToken).json().get("totalItems").asLong())
                .as("a % is matched literally").isZero();
        assertThat(api.get(CLINICIANS + "?email=CLARK@", nurseToken).json().get("totalItems").asLong()).isOne();
        assertThat(api.get(CLINICIANS + "?npi=1003000126", nurseToken).json().get("items").get(0).get("lastName")
                .asString()).isEqualTo("Zuniga");
        assertThat(api.get(CLINICIANS + "?active=false", nurseToken).json().get("totalItems").asLong()).isZero();

        Api.Response tooBig = api.get(CLINICIANS + "?size=101", nurseToken);
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.contentType()).startsWith("application/problem+json");
        assertThat(field(tooBig)).isEqualTo("size");
        assertThat(api.get(CLINICIANS + "?size=100", nurseToken).status()).isEqualTo(200);
        Api.Response badSort = api.get(CLINICIANS + "?sort=passwordHash", nurseToken);
        assertThat(badSort.status()).isEqualTo(400);
        assertThat(field(badSort)).isEqualTo("sort");
        Api.Response badActive = api.get(CLINICIANS + "?active=perhaps", nurseToken);
        assertThat(badActive.status()).isEqualTo(400);
        assertThat(field(badActive)).isEqualTo("active");
        assertThat(field(api.get(CLINICIANS + "?npi=12ab", nurseToken))).isEqualTo("npi");

        long searches = platform.call(null, "test check", () -> jdbc.queryForObject(
                "SELECT count(*) FROM audit_logs WHERE organization_id = ? AND resource_type = 'Clinician' "
                        + "AND action = 'SEARCH' AND details -> 'filters' @> '[\"npi\"]'", Long.class, clinic));
        assertThat(searches).isOne();
    }

    @Test
    void badNpiCredentialsAndShapesAreA400NamingTheField() {
        Map<String, Object> badNpi = clinician("Luhn", "luhn@clinic.test");
        badNpi.put("npiNumber", "1234567890");
        Api.Response npi = create(badNpi);
        assertThat(npi.status()).isEqualTo(400);
        assertThat(npi.contentType()).startsWith("application/problem+json");
        assertThat(field(npi)).isEqualTo("npiNumber");
        badNpi.put("npiNumber", "123456789");
        assertThat(field(create(badNpi))).isEqualTo("npiNumber");

        Map<String, Object> badCredentials = clinician("Cred", "cred@clinic.test");
        badCredentials.put("credentials", "MD, Wizard");
        assertThat(field(create(badCredentials))).isEqualTo("credentials");

        Map<String, Object> missing = clinician("Missing", "not-an-email");
        missing.remove("firstName");
        Api.Response both = create(missing);
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.body()).contains("\"field\":\"email\"", "\"field\":\"firstName\"");

        Api.Response wrongType = api.post(CLINICIANS, "{\"firstName\":{\"a\":1},\"lastName\":\"X\",\"email\":\"x@y.z\"}",
                adminToken);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("detail").asString()).contains("firstName");
        Api.Response malformed = api.post(CLINICIANS, "{\"firstName\": \"Dana\",", adminToken);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");

        Map<String, Object> mass = clinician("Mass", "mass@clinic.test");
        mass.put("id", "chosen-by-client");
        mass.put("organizationId", data.organization());
        mass.put("isActive", false);
        mass.put("version", 42);
        JsonNode created = create(mass).json();
        assertThat(created.get("id").asString()).isNotEqualTo("chosen-by-client");
        assertThat(created.get("isActive").asBoolean()).isTrue();
        assertThat(created.get("version").asLong()).isZero();
    }

    @Test
    void emailNpiAndUserAreUniquePerOrganization() {
        assertThat(create(clinician("One", "same@clinic.test")).status()).isEqualTo(201);
        Map<String, Object> sameEmail = clinician("Two", "SAME@clinic.test");
        sameEmail.put("npiNumber", "1003000126");
        Api.Response duplicate = create(sameEmail);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.contentType()).startsWith("application/problem+json");
        assertThat(field(duplicate)).isEqualTo("email");

        Api.Response duplicateNpi = create(clinician("Three", "three@clinic.test"));
        assertThat(duplicateNpi.status()).isEqualTo(409);
        assertThat(field(duplicateNpi)).isEqualTo("npiNumber");

        String otherClinic = data.organization();
        String otherAdmin = accounts.signIn(api, accounts.member(otherClinic, "ORG_ADMIN"), otherClinic);
        assertThat(api.post(CLINICIANS, Api.json(clinician("One", "same@clinic.test")), otherAdmin).status())
                .as("another organization may use the same email and NPI").isEqualTo(201);
    }

    @Test
    void theUserLinkIsExplicitToAnActiveMemberAndUnique() {
        Accounts.Account physician = accounts.member(clinic, "PHYSICIAN");
        Map<String, Object> linked = clinician("Linked", "someone-else@clinic.test");
        linked.put("userId", physician.userId());
        Api.Response created = create(linked);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("userId").asString()).isEqualTo(physician.userId());

        Map<String, Object> again = clinician("Again", "again@clinic.test");
        again.remove("npiNumber");
        again.put("userId", physician.userId());
        Api.Response twice = create(again);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(field(twice)).isEqualTo("userId");

        String otherClinic = data.organization();
        Accounts.Account stranger = accounts.member(otherClinic, "PHYSICIAN");
        again.put("userId", stranger.userId());
        Api.Response foreign = create(again);
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(field(foreign)).isEqualTo("userId");
        again.put("userId", Ids.newId());
        assertThat(field(create(again))).isEqualTo("userId");

        Accounts.Account nurse = accounts.member(clinic, "NURSE");
        data.platformUpdate("UPDATE user_organizations SET is_active = false WHERE user_id = ?", nurse.userId());
        again.put("userId", nurse.userId());
        assertThat(field(create(again))).as("an inactive member").isEqualTo("userId");

        String linkedId = created.json().get("id").asString();
        data.platformUpdate("UPDATE user_organizations SET is_active = false WHERE user_id = ?", physician.userId());
        linked.put("phone", "+1 555 0199");
        Api.Response kept = api.put(CLINICIANS + "/" + linkedId, Api.json(linked), adminToken, "\"0\"");
        assertThat(kept.status()).as("an unchanged link is not re-judged").isEqualTo(200);
        linked.put("userId", null);
        assertThat(api.put(CLINICIANS + "/" + linkedId, Api.json(linked), adminToken, "\"1\"").json().get("userId")
                .isNull()).as("cleared by leaving it out").isTrue();

        Map<String, Object> sameEmailAsUser = clinician("Email", physician.email());
        sameEmailAsUser.remove("npiNumber");
        assertThat(create(sameEmailAsUser).json().get("userId").isNull())
                .as("never linked by matching the email").isTrue();
    }

    @Test
    void deactivationKeepsHistoryAndDeletionIsRefusedWhenReferenced() {
        JsonNode created = create(clinician("Used", "used@clinic.test")).json();
        String id = created.get("id").asString();
        String patient = data.patient(clinic, "MRN-" + Ids.newId());
        String enrollment = data.enrollment(clinic, patient, id, data.careProgram(clinic));

        Api.Response refusedDeactivation = api.post(CLINICIANS + "/" + id + "/deactivate", "", adminToken, "\"0\"");
        assertThat(refusedDeactivation.status()).as("an ACTIVE enrollment needs its clinician").isEqualTo(409);
        assertThat(refusedDeactivation.json().get("detail").asString()).contains("1 active or pending enrollment");

        Api.Response refusedDelete = api.delete(CLINICIANS + "/" + id, adminToken);
        assertThat(refusedDelete.status()).isEqualTo(409);
        assertThat(refusedDelete.contentType()).startsWith("application/problem+json");
        assertThat(refusedDelete.json().get("detail").asString()).contains("Deactivate");

        data.platformUpdate("UPDATE enrollments SET status = 'COMPLETED', end_date = now() WHERE id = ?", enrollment);
        Api.Response deactivated = api.post(CLINICIANS + "/" + id + "/deactivate", "", adminToken, "\"0\"");
        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.json().get("isActive").asBoolean()).isFalse();
        assertThat(api.get(CLINICIANS + "?active=false", adminToken).json().get("totalItems").asLong()).isOne();
        Api.Response reactivated = api.post(CLINICIANS + "/" + id + "/reactivate", "", adminToken,
                deactivated.header("ETag"));
        assertThat(reactivated.json().get("isActive").asBoolean()).isTrue();

        Map<String, Object> logged = clinician("Logged", "logged@clinic.test");
        logged.remove("npiNumber");
        String loggedClinician = create(logged).json().get("id").asString();
        String timeLogPatient = data.patient(clinic, "MRN-" + Ids.newId());
        data.platformUpdate("INSERT INTO time_logs (id, organization_id, patient_id, clinician_id, activity, duration) "
                + "VALUES (?, ?, ?, ?, 'CALL_PATIENT', 20)", Ids.newId(), clinic, timeLogPatient, loggedClinician);
        Api.Response timeLogged = api.delete(CLINICIANS + "/" + loggedClinician, adminToken);
        assertThat(timeLogged.status()).as("time logs are billing history").isEqualTo(409);
        assertThat(api.get(CLINICIANS + "/" + loggedClinician, adminToken).status()).isEqualTo(200);

        Map<String, Object> unused = clinician("Unused", "unused@clinic.test");
        unused.remove("npiNumber");
        String unusedId = create(unused).json().get("id").asString();
        assertThat(api.delete(CLINICIANS + "/" + unusedId, adminToken).status()).isEqualTo(204);
        assertThat(api.get(CLINICIANS + "/" + unusedId, adminToken).status()).isEqualTo(404);
    }

    @Test
    void anotherOrganizationsClinicianIsNotFoundOnEveryEndpoint() {
        String id = create(clinician("Mine", "mine@clinic.test")).json().get("id").asString();
        String otherClinic = data.organization();
        String stranger = accounts.signIn(api, accounts.member(otherClinic, "ORG_ADMIN"), otherClinic);
        String path = CLINICIANS + "/" + id;
        List<Api.Response> answers = List.of(api.get(path, stranger),
                api.put(path, Api.json(clinician("Theirs", "theirs@clinic.test")), stranger, "\"0\""),
                api.post(path + "/deactivate", "", stranger, "\"0\""),
                api.post(path + "/reactivate", "", stranger, "\"0\""),
                api.delete(path, stranger));
        for (Api.Response answer : answers) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.get(CLINICIANS, stranger).json().get("totalItems").asLong()).isZero();
        assertThat(api.get(path, adminToken).json().get("lastName").asString()).as("unchanged").isEqualTo("Mine");
    }

    @Test
    void aNurseMayReadButNotWriteClinicians() {
        Api.Response refused = api.post(CLINICIANS, Api.json(clinician("Nurse", "nurse@clinic.test")), nurseToken);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(api.get(CLINICIANS, nurseToken).status()).isEqualTo(200);
        String researcher = accounts.signIn(api, accounts.member(clinic, "RESEARCHER"), clinic);
        assertThat(api.get(CLINICIANS, researcher).status()).isEqualTo(403);
    }
}
