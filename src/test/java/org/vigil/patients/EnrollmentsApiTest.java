package org.vigil.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.shared.Ids;
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import org.vigil.tenancy.PlatformScope;
import tools.jackson.databind.JsonNode;

/** The enrollments API over real HTTP and PostgreSQL: references, lifecycle, billing rules, audit. */
@VigilIntegrationTest
class EnrollmentsApiTest {

    static final String ENROLLMENTS = "/api/v1/enrollments";

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
    String physicianToken;
    String patient;
    String clinician;
    String program;

    @BeforeEach
    void aClinicWithAPatientAClinicianAndAProgram() {
        api = new Api(port);
        clinic = data.organization();
        adminToken = accounts.signIn(api, accounts.member(clinic, "ORG_ADMIN"), clinic);
        physicianToken = accounts.signIn(api, accounts.member(clinic, "PHYSICIAN"), clinic);
        patient = data.patient(clinic, "MRN-" + Ids.newId());
        clinician = data.clinician(clinic);
        program = data.careProgram(clinic);
    }

    Map<String, Object> enrollment(String careProgramId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("patientId", patient);
        body.put("clinicianId", clinician);
        body.put("careProgramId", careProgramId);
        body.put("startDate", "2025-03-01T00:00:00Z");
        body.put("notes", "Uncontrolled hypertension");
        body.put("billingEligibility", Map.of("eligible", true, "insurance", Map.of("type", "Medicare Part B"),
                "chronicConditions", List.of("I10", "E11.9"), "consent", true));
        return body;
    }

    private Api.Response create(Map<String, Object> body) {
        return api.post(ENROLLMENTS, Api.json(body), physicianToken);
    }

    private String createdId(Map<String, Object> body) {
        Api.Response created = create(body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private Api.Response status(String id, String status, String etag) {
        return api.post(ENROLLMENTS + "/" + id + "/status", Api.json(Map.of("status", status)), physicianToken, etag);
    }

    private String etag(String id) {
        return api.get(ENROLLMENTS + "/" + id, physicianToken).header("ETag");
    }

    private static String field(Api.Response response) {
        return response.json().get("errors").get(0).get("field").asString();
    }

    /** A billing program of the global catalog with this program type (RPM, RTM, CCM…). */
    private String billingProgram(String programType) {
        String id = Ids.newId();
        data.platformUpdate("INSERT INTO billing_programs (id, name, code, program_type, effective_date, eligibility_rules) "
                + "VALUES (?, ?, ?, ?, now(), '[]'::jsonb)", id, programType + " " + id, "CMS_" + programType + "_" + id,
                programType);
        return id;
    }

    @Test
    void createReadAndListWithETagsAndTheDocumentedEligibilityShape() {
        Map<String, Object> body = enrollment(program);
        body.put("billingProgramId", data.billingProgram());
        body.put("conditionPresetId", data.conditionPreset(null));
        Api.Response created = create(body);
        assertThat(created.status()).isEqualTo(201);
        JsonNode view = created.json();
        String id = view.get("id").asString();
        assertThat(created.header("Location")).isEqualTo(ENROLLMENTS + "/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(view.get("status").asString()).as("the seed's default").isEqualTo("ACTIVE");
        assertThat(view.get("startDate").asString()).isEqualTo("2025-03-01T00:00:00Z");
        assertThat(view.get("billingEligibility").get("insurance").get("type").asString()).isEqualTo("Medicare Part B");

        String stored = platform.call(null, "test check", () -> jdbc.queryForObject(
                "SELECT billing_eligibility::text FROM enrollments WHERE id = ?", String.class, id));
        assertThat(stored).isEqualTo("{\"consent\": true, \"eligible\": true, \"insurance\": {\"type\": \"Medicare Part B\"}, "
                + "\"chronicConditions\": [\"I10\", \"E11.9\"]}");

        Api.Response read = api.get(ENROLLMENTS + "/" + id, physicianToken);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        assertThat(read.json().get("patientId").asString()).isEqualTo(patient);

        String secondProgram = data.careProgram(clinic);
        Map<String, Object> pending = enrollment(secondProgram);
        pending.put("status", "PENDING");
        pending.put("startDate", "2025-05-01T00:00:00Z");
        pending.remove("billingEligibility");
        String pendingId = createdId(pending);
        String otherPatient = data.patient(clinic, "MRN-" + Ids.newId());
        data.enrollment(clinic, otherPatient, clinician, program);

        JsonNode mine = api.get(ENROLLMENTS + "?patientId=" + patient, physicianToken).json();
        assertThat(mine.get("totalItems").asLong()).isEqualTo(2);
        assertThat(mine.get("items").get(0).get("id").asString()).as("newest start first").isEqualTo(pendingId);
        assertThat(api.get(ENROLLMENTS + "?patientId=" + patient + "&status=PENDING", physicianToken).json()
                .get("items").get(0).get("id").asString()).isEqualTo(pendingId);
        assertThat(api.get(ENROLLMENTS + "?careProgramId=" + program, physicianToken).json().get("totalItems").asLong())
                .isEqualTo(2);
        assertThat(api.get(ENROLLMENTS + "?clinicianId=" + clinician + "&sort=startDate&size=1", physicianToken).json()
                .get("totalPages").asInt()).isEqualTo(3);

        Api.Response tooBig = api.get(ENROLLMENTS + "?size=101", physicianToken);
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(field(tooBig)).isEqualTo("size");
        Api.Response badSort = api.get(ENROLLMENTS + "?sort=billingEligibility", physicianToken);
        assertThat(badSort.status()).isEqualTo(400);
        assertThat(field(badSort)).isEqualTo("sort");
        assertThat(field(api.get(ENROLLMENTS + "?status=ENDED", physicianToken))).isEqualTo("status");
    }

    @Test
    void updatesNeedACurrentIfMatchAndCannotTouchStatusPatientOrProgram() {
        String id = createdId(enrollment(program));
        String newClinician = data.clinician(clinic);
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("clinicianId", newClinician);
        update.put("startDate", "2025-03-02T00:00:00Z");
        update.put("billingEligibility", Map.of("eligible", false));
        update.put("status", "COMPLETED");
        update.put("patientId", data.patient(clinic, "MRN-" + Ids.newId()));
        update.put("careProgramId", data.careProgram(clinic));
        Api.Response updated = api.put(ENROLLMENTS + "/" + id, Api.json(update), physicianToken, "\"0\"");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.header("ETag")).isEqualTo("\"1\"");
        JsonNode view = updated.json();
        assertThat(view.get("clinicianId").asString()).isEqualTo(newClinician);
        assertThat(view.get("status").asString()).as("status only through /status").isEqualTo("ACTIVE");
        assertThat(view.get("patientId").asString()).isEqualTo(patient);
        assertThat(view.get("careProgramId").asString()).isEqualTo(program);
        assertThat(view.get("notes").isNull()).as("left out of the PUT: cleared").isTrue();
        assertThat(view.get("billingEligibility").toString()).isEqualTo("{\"eligible\":false}");

        Map<String, Object> late = new LinkedHashMap<>(update);
        late.put("notes", "too late");
        Api.Response stale = api.put(ENROLLMENTS + "/" + id, Api.json(late), physicianToken, "\"0\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(api.put(ENROLLMENTS + "/" + id, Api.json(late), physicianToken, null).status()).isEqualTo(428);
        assertThat(status(id, "COMPLETED", "\"0\"").status()).isEqualTo(412);
        assertThat(status(id, "COMPLETED", null).status()).isEqualTo(428);
        JsonNode reread = api.get(ENROLLMENTS + "/" + id, physicianToken).json();
        assertThat(reread.get("notes").isNull()).isTrue();
        assertThat(reread.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(reread.get("version").asLong()).isEqualTo(1);

        Map<String, Object> backwards = new LinkedHashMap<>(update);
        backwards.put("endDate", "2025-01-01T00:00:00Z");
        Api.Response period = api.put(ENROLLMENTS + "/" + id, Api.json(backwards), physicianToken, "\"1\"");
        assertThat(period.status()).isEqualTo(400);
        assertThat(field(period)).isEqualTo("endDate");
    }

    @Test
    void onlyLegalStatusChangesAndEndingOnesCloseThePeriod() {
        Map<String, Object> body = enrollment(program);
        body.put("status", "PENDING");
        String id = createdId(body);

        Api.Response illegal = status(id, "COMPLETED", "\"0\"");
        assertThat(illegal.status()).isEqualTo(409);
        assertThat(illegal.contentType()).startsWith("application/problem+json");
        assertThat(field(illegal)).isEqualTo("status");
        assertThat(illegal.json().get("detail").asString()).contains("from PENDING to COMPLETED", "ACTIVE", "WITHDRAWN");

        Api.Response active = status(id, "ACTIVE", "\"0\"");
        assertThat(active.status()).isEqualTo(200);
        assertThat(active.json().get("status").asString()).isEqualTo("ACTIVE");
        Api.Response paused = api.post(ENROLLMENTS + "/" + id + "/status",
                Api.json(Map.of("status", "INACTIVE", "reason", "Hospital stay")), physicianToken, active.header("ETag"));
        assertThat(paused.json().get("status").asString()).isEqualTo("INACTIVE");
        assertThat(paused.json().get("statusReason").asString()).isEqualTo("Hospital stay");
        assertThat(paused.json().get("endDate").isNull()).as("a pause keeps the period open").isTrue();
        Api.Response resumed = status(id, "ACTIVE", paused.header("ETag"));
        assertThat(resumed.status()).isEqualTo(200);
        Api.Response completed = status(id, "COMPLETED", resumed.header("ETag"));
        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.json().get("endDate").isNull()).as("an ending status sets the end date").isFalse();

        Api.Response reopen = status(id, "ACTIVE", completed.header("ETag"));
        assertThat(reopen.status()).isEqualTo(409);
        assertThat(reopen.json().get("detail").asString()).contains("from COMPLETED to ACTIVE", "final");
        assertThat(api.get(ENROLLMENTS + "/" + id, physicianToken).json().get("status").asString()).isEqualTo("COMPLETED");

        Map<String, Object> born = enrollment(data.careProgram(clinic));
        born.put("status", "COMPLETED");
        Api.Response notInitial = create(born);
        assertThat(notInitial.status()).isEqualTo(400);
        assertThat(field(notInitial)).isEqualTo("status");
        Api.Response unknownStatus = api.post(ENROLLMENTS + "/" + id + "/status", "{\"status\":\"ENDED\"}",
                physicianToken, completed.header("ETag"));
        assertThat(unknownStatus.status()).isEqualTo(400);
        assertThat(unknownStatus.json().get("detail").asString()).contains("status");
    }

    @Test
    void aSecondActiveEnrollmentInTheSameProgramIsRefused() {
        createdId(enrollment(program));
        Api.Response second = create(enrollment(program));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.json().get("detail").asString()).contains("already has an ACTIVE enrollment");

        Map<String, Object> pending = enrollment(program);
        pending.put("status", "PENDING");
        String pendingId = createdId(pending);
        Api.Response activation = status(pendingId, "ACTIVE", "\"0\"");
        assertThat(activation.status()).isEqualTo(409);
        assertThat(api.get(ENROLLMENTS + "/" + pendingId, physicianToken).json().get("status").asString())
                .isEqualTo("PENDING");
        assertThat(createdId(enrollment(data.careProgram(clinic)))).as("another program is fine").isNotBlank();

        String other = data.patient(clinic, "MRN-" + Ids.newId());
        data.enrollment(clinic, other, clinician, program);
        assertThatThrownBy(() -> data.enrollment(clinic, other, clinician, program))
                .as("the partial unique index backs the rule").isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("enrollments_one_active_per_patient_program");
    }

    @Test
    void concurrentActiveEnrollmentsInOneProgramYieldExactlyOne() {
        List<CompletableFuture<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            requests.add(CompletableFuture.supplyAsync(() -> new Api(port).post(ENROLLMENTS,
                    Api.json(enrollment(program)), physicianToken).status()));
        }
        List<Integer> statuses = requests.stream().map(CompletableFuture::join).toList();
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isOne();
    }

    @Test
    void rpmAndRtmBillingEnrollmentsMayNotBeActiveAtTheSameTime() {
        String rpm = billingProgram("RPM");
        String rtm = billingProgram("RTM");
        String ccm = billingProgram("CCM");
        Map<String, Object> rpmBody = enrollment(program);
        rpmBody.put("billingProgramId", rpm);
        String rpmId = createdId(rpmBody);

        String rtmProgram = data.careProgram(clinic);
        Map<String, Object> rtmBody = enrollment(rtmProgram);
        rtmBody.put("billingProgramId", rtm);
        rtmBody.put("startDate", "2025-06-01T00:00:00Z");
        Api.Response refused = create(rtmBody);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(field(refused)).isEqualTo("billingProgramId");
        assertThat(refused.json().get("detail").asString()).contains("RPM", "RTM", rpmId);

        Map<String, Object> ccmBody = enrollment(data.careProgram(clinic));
        ccmBody.put("billingProgramId", ccm);
        String ccmId = createdId(ccmBody);
        Map<String, Object> switchToRtm = new LinkedHashMap<>();
        switchToRtm.put("clinicianId", clinician);
        switchToRtm.put("startDate", "2025-03-01T00:00:00Z");
        switchToRtm.put("billingProgramId", rtm);
        Api.Response switched = api.put(ENROLLMENTS + "/" + ccmId, Api.json(switchToRtm), physicianToken, "\"0\"");
        assertThat(switched.status()).as("an update may not create the overlap either").isEqualTo(409);
        assertThat(api.get(ENROLLMENTS + "/" + ccmId, physicianToken).json().get("billingProgramId").asString())
                .isEqualTo(ccm);

        rtmBody.put("status", "PENDING");
        String pendingRtm = createdId(rtmBody);
        assertThat(status(pendingRtm, "ACTIVE", "\"0\"").status()).isEqualTo(409);

        Api.Response ended = api.post(ENROLLMENTS + "/" + rpmId + "/status", Api.json(Map.of("status", "COMPLETED")),
                physicianToken, etag(rpmId));
        assertThat(ended.status()).isEqualTo(200);
        Api.Response afterwards = status(pendingRtm, "ACTIVE", "\"0\"");
        assertThat(afterwards.status()).as("RTM after RPM has ended").isEqualTo(200);

        String otherPatient = data.patient(clinic, "MRN-" + Ids.newId());
        Map<String, Object> otherRpm = enrollment(program);
        otherRpm.put("patientId", otherPatient);
        otherRpm.put("billingProgramId", rpm);
        assertThat(create(otherRpm).status()).as("another patient is unaffected").isEqualTo(201);
    }

    @Test
    void malformedBodiesAreA400NamingTheField() {
        Map<String, Object> noEligible = enrollment(program);
        noEligible.put("billingEligibility", Map.of("insurance", Map.of("type", "Medicare Part B")));
        Api.Response missing = create(noEligible);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(field(missing)).isEqualTo("billingEligibility.eligible");

        Map<String, Object> noType = enrollment(program);
        noType.put("billingEligibility", Map.of("eligible", true, "insurance", Map.of("plan", "B")));
        assertThat(field(create(noType))).isEqualTo("billingEligibility.insurance.type");

        Map<String, Object> notCodes = enrollment(program);
        notCodes.put("billingEligibility", Map.of("eligible", true, "chronicConditions", List.of("I10", "Hypertension")));
        assertThat(field(create(notCodes))).isEqualTo("billingEligibility.chronicConditions[1]");

        for (String shape : List.of("{\"eligible\":true,\"insurance\":\"Medicare\"}",
                "{\"eligible\":\"yes\"}", "{\"eligible\":true,\"chronicConditions\":\"I10\"}", "[true]")) {
            String json = Api.json(enrollment(program)).replaceFirst("\"billingEligibility\":\\{.*\\}\\}$",
                    "\"billingEligibility\":" + shape + "}");
            Api.Response wrong = api.post(ENROLLMENTS, json, physicianToken);
            assertThat(wrong.status()).as(shape).isEqualTo(400);
            assertThat(wrong.contentType()).startsWith("application/problem+json");
            assertThat(wrong.json().get("detail").asString()).as(shape).contains("billingEligibility");
        }

        Map<String, Object> badDate = enrollment(program);
        badDate.put("startDate", "yesterday");
        Api.Response date = create(badDate);
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.json().get("detail").asString()).contains("startDate");
        Map<String, Object> backwards = enrollment(program);
        backwards.put("endDate", "2025-02-01T00:00:00Z");
        assertThat(field(create(backwards))).isEqualTo("endDate");
        Map<String, Object> bare = new LinkedHashMap<>();
        bare.put("notes", "nothing else");
        assertThat(create(bare).body()).contains("\"field\":\"patientId\"", "\"field\":\"clinicianId\"",
                "\"field\":\"careProgramId\"", "\"field\":\"startDate\"");
        Api.Response malformed = api.post(ENROLLMENTS, "{\"patientId\": ", physicianToken);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(api.get(ENROLLMENTS + "?patientId=" + patient, physicianToken).json().get("totalItems").asLong())
                .as("nothing was created").isZero();
    }

    @Test
    void referencesMustExistHereAndBeActive() {
        String otherClinic = data.organization();
        Map<String, String> foreign = Map.of("patientId", data.patient(otherClinic, "MRN-" + Ids.newId()),
                "clinicianId", data.clinician(otherClinic), "careProgramId", data.careProgram(otherClinic),
                "conditionPresetId", data.conditionPreset(otherClinic), "billingProgramId", Ids.newId());
        foreign.forEach((name, id) -> {
            Map<String, Object> body = enrollment(program);
            body.put(name, id);
            Api.Response answer = create(body);
            assertThat(answer.status()).as(name).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(field(answer)).isEqualTo(name);
        });
        Map<String, Object> ownPreset = enrollment(program);
        ownPreset.put("conditionPresetId", data.conditionPreset(clinic));
        assertThat(create(ownPreset).status()).as("the organization's own preset").isEqualTo(201);

        String retiredClinician = data.clinician(clinic);
        data.platformUpdate("UPDATE clinicians SET is_active = false WHERE id = ?", retiredClinician);
        Map<String, Object> inactive = enrollment(data.careProgram(clinic));
        inactive.put("clinicianId", retiredClinician);
        Api.Response deactivated = create(inactive);
        assertThat(deactivated.status()).isEqualTo(409);
        assertThat(field(deactivated)).isEqualTo("clinicianId");
        String closedProgram = data.careProgram(clinic);
        data.platformUpdate("UPDATE care_programs SET is_active = false WHERE id = ?", closedProgram);
        Api.Response closed = create(enrollment(closedProgram));
        assertThat(closed.status()).isEqualTo(409);
        assertThat(field(closed)).isEqualTo("careProgramId");
    }

    @Test
    void anotherOrganizationGets404ForEveryIdOnEveryEndpoint() {
        String id = createdId(enrollment(program));
        String otherClinic = data.organization();
        String stranger = accounts.signIn(api, accounts.member(otherClinic, "ORG_ADMIN"), otherClinic);
        String strangerPatient = data.patient(otherClinic, "MRN-" + Ids.newId());
        String strangerClinician = data.clinician(otherClinic);
        String strangerProgram = data.careProgram(otherClinic);

        Map<String, Object> update = Map.of("clinicianId", strangerClinician, "startDate", "2025-03-01T00:00:00Z");
        for (Api.Response answer : List.of(api.get(ENROLLMENTS + "/" + id, stranger),
                api.put(ENROLLMENTS + "/" + id, Api.json(update), stranger, "\"0\""),
                api.post(ENROLLMENTS + "/" + id + "/status", Api.json(Map.of("status", "COMPLETED")), stranger, "\"0\""))) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        for (String filter : List.of("patientId=" + patient, "clinicianId=" + clinician, "careProgramId=" + program)) {
            Api.Response answer = api.get(ENROLLMENTS + "?" + filter, stranger);
            assertThat(answer.status()).as(filter).isEqualTo(404);
            assertThat(field(answer)).isEqualTo(filter.substring(0, filter.indexOf('=')));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("patientId", patient);
        body.put("clinicianId", strangerClinician);
        body.put("careProgramId", strangerProgram);
        body.put("startDate", "2025-03-01T00:00:00Z");
        Api.Response theirs = api.post(ENROLLMENTS, Api.json(body), stranger);
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(field(theirs)).isEqualTo("patientId");
        body.put("patientId", strangerPatient);
        body.put("clinicianId", clinician);
        assertThat(field(api.post(ENROLLMENTS, Api.json(body), stranger))).isEqualTo("clinicianId");
        body.put("clinicianId", strangerClinician);
        body.put("careProgramId", program);
        assertThat(field(api.post(ENROLLMENTS, Api.json(body), stranger))).isEqualTo("careProgramId");

        Map<String, Object> mine = new LinkedHashMap<>();
        mine.put("clinicianId", strangerClinician);
        mine.put("startDate", "2025-03-01T00:00:00Z");
        Api.Response foreignClinician = api.put(ENROLLMENTS + "/" + id, Api.json(mine), physicianToken, "\"0\"");
        assertThat(foreignClinician.status()).isEqualTo(404);
        assertThat(field(foreignClinician)).isEqualTo("clinicianId");
        assertThat(api.get(ENROLLMENTS + "/" + id, physicianToken).json().get("clinicianId").asString()).isEqualTo(clinician);
        assertThat(api.get(ENROLLMENTS, stranger).json().get("totalItems").asLong()).isZero();
    }

    @Test
    void everyReadAndWriteIsAuditedWithThePatient() {
        String id = createdId(enrollment(program));
        api.get(ENROLLMENTS + "/" + id, physicianToken);
        api.get(ENROLLMENTS + "?patientId=" + patient, physicianToken);
        status(id, "INACTIVE", "\"0\"");

        JsonNode events = api.get("/api/v1/audit-events?resourceType=Enrollment", adminToken).json();
        List<String> actions = new ArrayList<>();
        events.get("items").forEach(event -> {
            actions.add(event.get("action").asString());
            assertThat(event.get("patientId").asString()).isEqualTo(patient);
            assertThat(event.get("hipaaRelevant").asBoolean()).isTrue();
            assertThat(event.get("details").toString()).doesNotContain("Medicare", "I10", "hypertension");
        });
        assertThat(actions).containsExactly("UPDATE", "SEARCH", "READ", "CREATE");
        JsonNode update = events.get("items").get(0);
        assertThat(update.get("resourceId").asString()).isEqualTo(id);
        assertThat(update.get("details").get("fields").toString()).contains("status");
        assertThat(events.get("items").get(1).get("details").get("returned").toString()).contains(id);
    }

    @Test
    void rolesDecideWhoReadsAndWhoWrites() {
        String billingAdmin = accounts.signIn(api, accounts.member(clinic, "BILLING_ADMIN"), clinic);
        String nurse = accounts.signIn(api, accounts.member(clinic, "NURSE"), clinic);
        String coordinator = accounts.signIn(api, accounts.member(clinic, "CARE_COORDINATOR"), clinic);
        String id = createdId(enrollment(program));
        assertThat(api.get(ENROLLMENTS + "/" + id, billingAdmin).status()).isEqualTo(200);
        assertThat(api.get(ENROLLMENTS, billingAdmin).status()).isEqualTo(200);
        assertThat(api.post(ENROLLMENTS, Api.json(enrollment(program)), billingAdmin).status()).isEqualTo(403);
        assertThat(api.post(ENROLLMENTS, Api.json(enrollment(program)), nurse).status()).isEqualTo(403);
        assertThat(api.get(ENROLLMENTS, nurse).status()).isEqualTo(200);
        assertThat(api.post(ENROLLMENTS + "/" + id + "/status", Api.json(Map.of("status", "INACTIVE")), coordinator,
                "\"0\"").status()).isEqualTo(200);
        String researcher = accounts.signIn(api, accounts.member(clinic, "RESEARCHER"), clinic);
        assertThat(api.get(ENROLLMENTS + "/" + id, researcher).status()).isEqualTo(403);
    }
}
