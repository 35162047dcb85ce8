package org.vigil.patients.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.Browser;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;

/**
 * The patient pages over real HTTP with a web session: tenant isolation (another organization's
 * patient is 404 on the chart and on every section the chart loads), permissions (403 without
 * PATIENT_READ), the new-patient form's field messages (the API's validation, the MRN unique per
 * organization), search, and the enrollment form's refusals shown as messages.
 */
@VigilIntegrationTest
class PatientPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;

    String clinic;
    Accounts.Account physician;
    Browser browser;

    @BeforeEach
    void aPhysicianOfAClinic() {
        clinic = data.organization();
        physician = accounts.member(clinic, "PHYSICIAN");
        browser = signedIn(physician);
    }

    private Browser signedIn(Accounts.Account account) {
        Browser b = new Browser(port);
        Browser.Page login = b.get("/login");
        Browser.Page signedIn = b.post("/login", Map.of("email", account.email(), "password", Accounts.PASSWORD,
                "_csrf", login.csrf()));
        assertThat(signedIn.status()).as("sign-in").isEqualTo(302);
        return b;
    }

    @Test
    void anotherOrganizationsPatientIsNotFoundOnTheChartAndEverySection() {
        String elsewhere = data.organization();
        String theirs = data.patient(elsewhere, "MRN-" + Instant.now().toEpochMilli());
        String ours = data.patient(clinic, null);

        assertThat(browser.get("/patients/" + ours).status()).isEqualTo(200);
        for (String path : List.of("", "/vitals", "/vitals?days=7", "/alerts", "/monitoring", "/care", "/enroll")) {
            Browser.Page page = browser.get("/patients/" + theirs + path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.text()).as(path).doesNotContain("Test Patient");
        }
        Browser.Page fragment = browser.post("/patients/" + theirs + "/care/timer",
                Map.of("_csrf", browser.get("/patients/" + ours).csrf(), "activity", "REVIEW_DATA"),
                Map.of("HX-Request", "true"));
        assertThat(fragment.status()).isEqualTo(404);
        assertThat(fragment.body()).contains("class=\"problem\"").doesNotContain("<html");
    }

    @Test
    void withoutPatientReadThePagesAreForbidden() {
        String ours = data.patient(clinic, null);
        Browser researcher = signedIn(accounts.member(clinic, "RESEARCHER"));
        assertThat(researcher.get("/patients").status()).isEqualTo(403);
        assertThat(researcher.get("/patients/" + ours).status()).isEqualTo(403);
        assertThat(researcher.get("/patients/" + ours + "/vitals").status()).isEqualTo(403);
        Browser.Page page = researcher.get("/patients/" + ours);
        assertThat(page.text()).contains("Your role does not allow this").doesNotContain("Test Patient");

        Browser nurse = signedIn(accounts.member(clinic, "NURSE"));
        assertThat(nurse.get("/patients/" + ours).status()).isEqualTo(200);
        assertThat(nurse.get("/patients/new").status()).as("no PATIENT_WRITE").isEqualTo(403);
        assertThat(nurse.get("/patients/" + ours + "/enroll").status()).as("no ENROLLMENT_WRITE").isEqualTo(403);
    }

    @Test
    void theListSearchesByNameMrnAndDateOfBirthAndShowsABadDateAsAFieldMessage() {
        String mrn = "S-" + Instant.now().toEpochMilli();
        String patient = data.patient(clinic, mrn);
        data.patient(data.organization(), mrn); // another organization's namesake is never listed

        Browser.Page byMrn = browser.get("/patients?mrn=" + mrn);
        assertThat(byMrn.status()).isEqualTo(200);
        assertThat(byMrn.body()).contains("/patients/" + patient).contains("1 patient<");
        assertThat(browser.get("/patients?name=test+patient&dob=1950-03-01").body()).contains("/patients/" + patient);
        assertThat(browser.get("/patients?name=nobody-like-this").text()).contains("No patient matches.");

        Browser.Page bad = browser.get("/patients?dob=03%2F01%2F1950");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"dob-error\"", "must be a date (YYYY-MM-DD)");
    }

    @Test
    void theNewPatientFormShowsTheApisValidationNextToEachFieldAndRefusesADuplicateMrn() {
        String csrf = browser.get("/patients/new").csrf();
        Map<String, String> form = new HashMap<>(Map.of("_csrf", csrf, "firstName", "", "lastName", "Rivera",
                "dateOfBirth", "2999-01-01", "medicalRecordNumber", "bad mrn!", "email", "not-an-email"));
        Browser.Page invalid = browser.post("/patients", form);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("id=\"firstName-error\"", "id=\"dateOfBirth-error\"",
                "id=\"medicalRecordNumber-error\"", "may hold letters, digits and . _ / - only", "id=\"email-error\"")
                .doesNotContain("id=\"lastName-error\"").contains("value=\"Rivera\"");

        String mrn = "N-" + Instant.now().toEpochMilli();
        form.putAll(Map.of("firstName", "Ana", "dateOfBirth", "1948-07-02", "medicalRecordNumber", mrn, "email", ""));
        Browser.Page created = browser.post("/patients", form);
        assertThat(created.status()).isEqualTo(302);
        assertThat(created.location()).contains("/patients/");
        assertThat(browser.follow(created).text()).contains("Rivera, Ana", mrn);

        Browser.Page duplicate = browser.post("/patients", form);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body()).contains("id=\"medicalRecordNumber-error\"",
                "Another patient of this organization already has this medical record number.");
    }

    @Test
    void theEnrollmentFormShowsTheServicesRefusalsAndTheEligibilityResult() {
        String patient = data.patient(clinic, null);
        String clinician = data.clinician(clinic);
        String program = data.careProgram(clinic);
        data.enrollment(clinic, patient, clinician, program);
        String rpm = data.platformString("SELECT id FROM billing_programs WHERE code = 'CMS_RPM_2026'");
        String rtm = data.platformString("SELECT id FROM billing_programs WHERE code = 'CMS_RTM_2026'");

        Browser.Page form = browser.get("/patients/" + patient + "/enroll");
        assertThat(form.status()).isEqualTo(200);
        String csrf = form.csrf();
        Browser.Page again = browser.post("/patients/" + patient + "/enroll", Map.of("_csrf", csrf, "careProgramId",
                program, "clinicianId", clinician, "startDate", LocalDate.now().toString(), "status", "ACTIVE"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text()).contains("already has an ACTIVE enrollment in this care program");

        Browser.Page missing = browser.post("/patients/" + patient + "/enroll", Map.of("_csrf", csrf,
                "careProgramId", program, "startDate", ""));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("id=\"clinicianId-error\"", "id=\"startDate-error\"");

        String second = data.careProgram(clinic);
        Browser.Page preview = browser.post("/patients/" + patient + "/enroll/eligibility", Map.of("_csrf", csrf,
                "billingProgramId", rpm, "insuranceType", "COMMERCIAL"), Map.of("HX-Request", "true"));
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.text()).contains("Not eligible for billing", "No documented consent", "is not Medicare",
                "At least one chronic condition");

        Browser.Page rpmEnrolled = browser.post("/patients/" + patient + "/enroll", Map.of("_csrf", csrf,
                "careProgramId", second, "clinicianId", clinician, "billingProgramId", rpm, "insuranceType",
                "MEDICARE_PART_B", "consent", "on", "startDate", LocalDate.now().minusDays(3).toString(), "status", "ACTIVE"));
        assertThat(rpmEnrolled.status()).as(rpmEnrolled.text()).isEqualTo(302);
        Browser.Page chart = browser.follow(rpmEnrolled);
        assertThat(chart.text()).contains("The patient was enrolled.", "CMS Remote Physiologic Monitoring 2026",
                "Not eligible");

        String third = data.careProgram(clinic);
        Browser.Page overlap = browser.post("/patients/" + patient + "/enroll", Map.of("_csrf", csrf,
                "careProgramId", third, "clinicianId", clinician, "billingProgramId", rtm,
                "startDate", LocalDate.now().toString(), "status", "ACTIVE"));
        assertThat(overlap.status()).isEqualTo(409);
        assertThat(overlap.body()).contains("id=\"billingProgramId-error\"");
        assertThat(overlap.text()).contains("remote physiologic monitoring (RPM) and remote therapeutic monitoring");
    }

    @Test
    void theChartShellLoadsTheSectionsItsReaderMaySee() {
        String patient = data.patient(clinic, null);
        Api api = new Api(port);
        String token = accounts.signIn(api, physician, clinic);
        StringBuilder readings = new StringBuilder();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        for (int i = 0; i < 60; i++) {
            readings.append(i == 0 ? "" : ",").append("{\"patientId\":\"").append(patient)
                    .append("\",\"metric\":\"heart_rate\",\"value\":").append(60 + i % 20)
                    .append(",\"recordedAt\":\"").append(now.minus(i * 11L, ChronoUnit.HOURS)).append("\"}");
        }
        assertThat(api.post("/api/v1/observations", "{\"readings\":[" + readings + "]}", token).status()).isEqualTo(200);

        // Render times are measured by bench/pages.sh (docs/benchmarks.md), not asserted here.
        Browser.Page chart = browser.get("/patients/" + patient);
        assertThat(chart.status()).isEqualTo(200);
        assertThat(chart.body()).contains("hx-get=\"/patients/" + patient + "/vitals?days=30\"",
                "hx-get=\"/patients/" + patient + "/alerts\"", "hx-get=\"/patients/" + patient + "/care\"",
                "hx-get=\"/patients/" + patient + "/monitoring\"");
        for (String fragment : List.of("/vitals?days=7", "/vitals?days=30", "/vitals?days=90", "/alerts", "/monitoring",
                "/care", "/enroll")) {
            assertThat(browser.get("/patients/" + patient + fragment).status()).as(fragment).isEqualTo(200);
        }
        for (String days : List.of("7", "30", "90")) {
            Browser.Page vitals = browser.get("/patients/" + patient + "/vitals?days=" + days);
            assertThat(vitals.status()).isEqualTo(200);
            assertThat(vitals.body()).as(days).contains("data-metric=\"heart_rate\"", "data-chart=")
                    .contains("aria-pressed=\"true\" data-range=\"" + days + "\"");
        }
        Browser.Page billing = signedIn(accounts.member(clinic, "BILLING_ADMIN")).get("/patients/" + patient);
        assertThat(billing.status()).isEqualTo(200);
        assertThat(billing.body()).doesNotContain("/vitals?days=").doesNotContain("/alerts\"");
    }

    @Test
    void theVitalsChartsShadeTheAlertThresholdsWithThePatientsOwnOverride() {
        String patient = data.patient(clinic, null);
        String other = data.patient(clinic, null);
        Api api = new Api(port);
        String adminToken = accounts.signIn(api, accounts.member(clinic, "ORG_ADMIN"), clinic);
        Api.Response rule = api.post("/api/v1/library/alert-rules", Api.json(Map.of("name", "Fast heart rate",
                "severity", "HIGH", "conditions", Map.of("type", "threshold", "metric", "heart_rate", "op", "gte",
                        "value", Map.of("override", "hr_high", "default", 120)))), adminToken);
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        String token = accounts.signIn(api, physician, clinic);
        assertThat(api.put("/api/v1/patients/" + patient + "/threshold-overrides/hr_high",
                Api.json(Map.of("value", 105, "reason", "Beta blocker titration")), token, null).status()).isEqualTo(200);
        for (String id : List.of(patient, other)) {
            assertThat(api.post("/api/v1/observations", Api.json(Map.of("patientId", id, "metric", "heart_rate",
                    "value", 88, "recordedAt", Instant.now().minus(2, ChronoUnit.HOURS).toString())), token).status())
                    .isEqualTo(201);
        }

        Browser.Page own = browser.get("/patients/" + patient + "/vitals?days=7");
        assertThat(own.text()).contains("Normal 60–100 /min", "Alert ≥ 105 (Fast heart rate)", "patient override");
        assertThat(own.body()).contains("&quot;from&quot;:105,");
        Browser.Page theirs = browser.get("/patients/" + other + "/vitals?days=7");
        assertThat(theirs.text()).contains("Alert ≥ 120 (Fast heart rate)").doesNotContain("patient override");
    }
}
