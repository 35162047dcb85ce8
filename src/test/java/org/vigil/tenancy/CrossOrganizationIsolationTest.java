package org.vigil.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.vigil.shared.Ids;
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tenant isolation over every API endpoint that takes an id: a member of organization B holding
 * every permission calls each one with organization A's real ids, and gets exactly the answer a
 * made-up id gets (same status, same body) — never a success, so B can neither read nor change A's
 * records nor learn that an id exists. A new endpoint with a path variable fails this test until it
 * says which of A's records its variable names.
 */
@VigilIntegrationTest
class CrossOrganizationIsolationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)}");

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final HttpClient http = HttpClient.newHttpClient();

    /** Organization A's records, by the path (prefix) and variable that name them. */
    private Map<String, String> recordsOf(String organization) {
        String patient = data.patient(organization, null);
        String clinician = data.clinician(organization);
        String program = data.careProgram(organization);
        String enrollment = data.enrollment(organization, patient, clinician, program);
        String diagnosis = Ids.newId();
        data.platformUpdate("INSERT INTO patient_diagnoses (id, organization_id, patient_id, icd10_code, label) "
                + "VALUES (?, ?, ?, 'I10', 'Hypertension')", diagnosis, organization, patient);
        String consent = Ids.newId();
        data.platformUpdate("INSERT INTO patient_consents (id, organization_id, patient_id, type, consented_on, method) "
                + "VALUES (?, ?, ?, 'TREATMENT', ?, 'VERBAL')", consent, organization, patient, LocalDate.of(2025, 1, 1));
        String medication = Ids.newId();
        data.platformUpdate("INSERT INTO patient_medications (id, organization_id, patient_id, medication_name, start_date) "
                + "VALUES (?, ?, ?, 'Lisinopril', ?)", medication, organization, patient, LocalDate.of(2025, 1, 1));
        String drug = Ids.newId();
        data.platformUpdate("INSERT INTO drugs (id, organization_id, name) VALUES (?, ?, ?)", drug, organization,
                "Drug " + drug);
        Accounts.Account admin = accounts.member(organization, "ORG_ADMIN");
        String timeLog = Ids.newId();
        data.platformUpdate("INSERT INTO time_logs (id, organization_id, patient_id, clinician_id, enrollment_id, activity, "
                + "duration, started_at, ended_at, logged_at) VALUES (?, ?, ?, ?, ?, 'CALL_PATIENT', 20, "
                + "now() - interval '1 hour', now() - interval '40 minutes', now() - interval '40 minutes')",
                timeLog, organization, patient, clinician, enrollment);
        Accounts.Account nurse = accounts.member(organization, "NURSE");
        String invitation = Ids.newId();
        data.platformUpdate("INSERT INTO invitations (id, organization_id, email, role, token_hash, invited_by_id, "
                + "expires_at) VALUES (?, ?, ?, 'NURSE', ?, ?, now() + interval '7 days')", invitation, organization,
                "invitee." + invitation + "@clinic.test", "hash-" + invitation, admin.userId());

        String linkedAccount = Ids.newId();
        data.platformUpdate("INSERT INTO social_accounts (id, user_id, provider, issuer, provider_id, email) "
                + "VALUES (?, ?, 'test', 'https://idp.test', ?, ?)", linkedAccount, admin.userId(), linkedAccount,
                admin.email());

        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("/api/v1/auth/linked-accounts/{id}", linkedAccount);
        ids.put("/api/v1/patients/{id}", patient);
        ids.put("{patientId}", patient);
        ids.put("{diagnosisId}", diagnosis);
        ids.put("{consentId}", consent);
        ids.put("{medicationId}", medication);
        data.platformUpdate("INSERT INTO patient_threshold_overrides (id, organization_id, patient_id, key, value, reason) "
                + "VALUES (?, ?, ?, 'sbp_high', 160, 'test')", Ids.newId(), organization, patient);
        ids.put("{key}", "sbp_high");
        String assessment = Ids.newId();
        data.platformUpdate("INSERT INTO assessments (id, organization_id, patient_id, template_id, responses) "
                + "VALUES (?, ?, ?, ?, '{}'::jsonb)", assessment, organization, patient, data.template(organization));
        ids.put("{assessmentId}", assessment);
        ids.put("/api/v1/clinicians/{id}", clinician);
        ids.put("/api/v1/care-programs/{id}", program);
        ids.put("/api/v1/enrollments/{id}", enrollment);
        ids.put("/api/v1/invitations/{id}", invitation);
        ids.put("/api/v1/time-logs/{id}", timeLog);
        ids.put("/api/v1/members/{userId}", nurse.userId());
        ids.put("/api/v1/platform/organizations/{id}", organization);
        ids.put("/api/v1/library/metrics/{id}", data.metric(organization));
        ids.put("/api/v1/library/assessment-templates/{id}", data.template(organization));
        ids.put("/api/v1/library/alert-rules/{id}", data.alertRule(organization));
        ids.put("/api/v1/library/condition-presets/{id}", data.conditionPreset(organization));
        ids.put("/api/v1/library/drugs/{id}", drug);
        String task = Ids.newId();
        data.platformUpdate("INSERT INTO tasks (id, organization_id, patient_id, task_type, title, assigned_to_id) "
                + "VALUES (?, ?, ?, 'FOLLOW_UP_CALL', 'Call back', ?)", task, organization, patient, nurse.userId());
        ids.put("/api/v1/tasks/{id}", task);
        String note = Ids.newId();
        data.platformUpdate("INSERT INTO encounter_notes (id, organization_id, patient_id, clinician_id, encounter_type, "
                + "plan) VALUES (?, ?, ?, ?, 'RPM', 'Recheck in a week')", note, organization, patient, clinician);
        ids.put("{noteId}", note);
        String view = Ids.newId();
        data.platformUpdate("INSERT INTO saved_views (id, organization_id, user_id, name, view_type, is_shared) "
                + "VALUES (?, ?, ?, 'Team queue', 'TRIAGE_QUEUE', true)", view, organization, nurse.userId());
        ids.put("/api/v1/saved-views/{id}", view);
        String alert = Ids.newId();
        data.platformUpdate("INSERT INTO alerts (id, organization_id, patient_id, rule_id, enrollment_id, severity, "
                + "message, sla_breach_time) VALUES (?, ?, ?, ?, ?, 'HIGH', 'Test alert', now() + interval '2 hours')",
                alert, organization, patient, data.alertRule(organization), enrollment);
        ids.put("/api/v1/alerts/{id}", alert);
        String device = Ids.newId();
        data.platformUpdate("INSERT INTO devices (id, organization_id, vendor, serial_number) VALUES (?, ?, 'acme', ?)",
                device, organization, "SN-" + device);
        ids.put("{deviceId}", device);
        String deviceAssignment = Ids.newId();
        data.platformUpdate("INSERT INTO device_assignments (id, organization_id, device_id, patient_id, assigned_at) "
                + "VALUES (?, ?, ?, ?, now() - interval '1 day')", deviceAssignment, organization, device, patient);
        ids.put("{assignmentId}", deviceAssignment);
        // The device webhook names a vendor, not a record of A: a configured vendor and a made-up one
        // answer alike (401 without a valid signature; the bearer token is ignored there).
        ids.put("/api/v1/devices/{vendor}", "acme");
        return ids;
    }

    @Test
    void everyIdOfAnotherOrganizationAnswersLikeAnIdThatDoesNotExist() {
        String clinicA = data.organization();
        Map<String, String> recordsOfA = recordsOf(clinicA);

        String clinicB = data.organization();
        Accounts.Account outsider = accounts.member(clinicB, "ORG_ADMIN");
        data.platformUpdate("UPDATE user_organizations SET permissions = ? WHERE user_id = ?",
                Arrays.stream(Permission.values()).map(Enum::name).toArray(String[]::new), outsider.userId());
        String token = accounts.signIn(new Api(port), outsider, clinicB);

        List<String> leaks = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            for (String path : entry.getKey().getPatternValues()) {
                if (!path.startsWith("/api/") || !path.contains("{")) {
                    continue;
                }
                for (var method : entry.getKey().getMethodsCondition().getMethods()) {
                    String real = substitute(path, recordsOfA, false);
                    String madeUp = substitute(path, recordsOfA, true);
                    Answer theirs = call(method.name(), real, token);
                    Answer nobodys = call(method.name(), madeUp, token);
                    checked++;
                    if (theirs.status() < 400 || theirs.status() != nobodys.status()
                            || !theirs.body().equals(nobodys.body())) {
                        leaks.add(method + " " + path + ": " + theirs + " vs made-up id " + nobodys);
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(40);
        assertThat(leaks).isEmpty();
        Integer patients = data.platformQuery("SELECT count(*) FROM patients WHERE id = ? AND is_active",
                recordsOfA.get("{patientId}"));
        assertThat(patients).as("A's patient is untouched").isOne();
    }

    private static String substitute(String path, Map<String, String> ids, boolean madeUp) {
        Matcher matcher = VARIABLE.matcher(path);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String variable = "{" + matcher.group(1) + "}";
            String prefix = path.substring(0, matcher.start()) + variable;
            String id = ids.containsKey(prefix) ? ids.get(prefix) : ids.get(variable);
            assertThat(id).as("which of organization A's records does %s in %s name? Add it to recordsOf()",
                    variable, path).isNotNull();
            matcher.appendReplacement(result, madeUp ? Ids.newId() : id);
        }
        matcher.appendTail(result);
        return result.toString();
    }

    record Answer(int status, String body) {
    }

    /** Every request carries an If-Match, a body and the query parameters some endpoints require. */
    private Answer call(String method, String path, String token) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path
                            + (method.equals("GET") ? "?from=2025-01-01&to=2025-01-31" : "")))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("If-Match", "\"0\"")
                    .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString("{}"))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), withoutInstance(response.body()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A problem's {@code instance} is the request path, which differs by the id itself. */
    private static String withoutInstance(String body) {
        if (body == null || !body.startsWith("{")) {
            return String.valueOf(body);
        }
        ObjectNode node = (ObjectNode) JSON.readTree(body);
        node.remove("instance");
        return node.toString();
    }
}
