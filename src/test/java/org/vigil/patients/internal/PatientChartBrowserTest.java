package org.vigil.patients.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.RealBrowser;
import org.vigil.support.TestClock;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;

/**
 * In a real browser, a physician finds a patient in the list, opens the chart (readings posted
 * through the API first), sees drawn vitals charts with shaded ranges and the alert the readings
 * raised, switches the time range, starts and stops a timer (a time log appears), and enrolls the
 * patient through the guided form: first refused (already in that program), then accepted with the
 * billing-eligibility result shown before submitting.
 */
@VigilIntegrationTest
class PatientChartBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;
    @Autowired
    TestClock clock;

    private RealBrowser browser;

    @BeforeEach
    void open() {
        browser = RealBrowser.open(port);
    }

    @AfterEach
    void close() {
        clock.reset();
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aPhysicianReadsTheChartTracksTimeAndEnrollsThePatient() {
        String clinic = data.organization();
        Accounts.Account physician = accounts.member(clinic, "PHYSICIAN");
        String clinician = data.clinician(clinic);
        data.platformUpdate("UPDATE clinicians SET user_id = ?, first_name = 'Maya', last_name = 'Okafor', "
                + "credentials = 'MD' WHERE id = ?", physician.userId(), clinician);
        String mrn = "C-" + Instant.now().toEpochMilli();
        String patient = data.patient(clinic, mrn);
        String program = data.careProgram(clinic);
        String secondProgram = data.careProgram(clinic);
        String preset = data.platformString("SELECT id FROM condition_presets WHERE organization_id IS NULL "
                + "AND name ILIKE '%hypertension%' ORDER BY name LIMIT 1");
        String rpm = data.platformString("SELECT id FROM billing_programs WHERE code = 'CMS_RPM_2026'");

        Api api = new Api(port);
        String token = accounts.signIn(api, physician, clinic);
        assertThat(api.post("/api/v1/patients/" + patient + "/diagnoses", Api.json(Map.of("icd10Code", "I10",
                "label", "Essential hypertension", "isPrimary", true)), token).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/patients/" + patient + "/diagnoses", Api.json(Map.of("icd10Code", "E11.9",
                "label", "Type 2 diabetes mellitus")), token).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/patients/" + patient + "/consents", Api.json(Map.of("type", "PROGRAM",
                "programType", "REMOTE_PATIENT_MONITORING", "consentedOn", LocalDate.now().minusDays(10).toString(),
                "method", "VERBAL", "costSharingAcknowledged", true)), token).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/enrollments", Api.json(Map.of("patientId", patient, "clinicianId", clinician,
                "careProgramId", program, "conditionPresetId", preset, "startDate",
                Instant.now().minus(20, ChronoUnit.DAYS).toString())), token).status()).isEqualTo(201);
        StringBuilder readings = new StringBuilder();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        for (int i = 0; i < 36; i++) {
            Instant at = now.minus(i * 12L + 1, ChronoUnit.HOURS);
            int systolic = i == 0 ? 186 : 118 + (i * 7) % 25;
            reading(readings, patient, "bp_systolic", systolic, at);
            reading(readings, patient, "bp_diastolic", 72 + (i * 5) % 14, at);
            reading(readings, patient, "heart_rate", 64 + (i * 3) % 18, at);
        }
        Api.Response stored = api.post("/api/v1/observations", "{\"readings\":[" + readings + "]}", token);
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.json().get("stored").asInt()).isEqualTo(108);
        awaitAlert(api, token, patient);
        String phq9 = data.platformString("SELECT id FROM assessment_templates WHERE organization_id IS NULL "
                + "AND name LIKE 'PHQ-9%' LIMIT 1");
        Map<String, Object> answers = new java.util.LinkedHashMap<>();
        for (int item = 1; item <= 9; item++) {
            answers.put("phq9_item" + item, item <= 6 ? 1 : 0);
        }
        Api.Response assessment = api.post("/api/v1/patients/" + patient + "/assessments",
                Api.json(Map.of("templateId", phq9, "answers", answers)), token);
        assertThat(assessment.status()).as(assessment.body()).isEqualTo(201);
        Api.Response medication = api.post("/api/v1/patients/" + patient + "/medications", Api.json(Map.of(
                "medicationName", "Lisinopril", "doseAmount", 10, "doseUnit", "mg",
                "schedule", Map.of("timesOfDay", java.util.List.of("08:00")),
                "startDate", LocalDate.now().minusDays(10).toString())), token);
        assertThat(medication.status()).as(medication.body()).isEqualTo(201);
        Instant dose = now.minus(1, ChronoUnit.DAYS);
        Api.Response taken = api.post("/api/v1/patients/" + patient + "/medications/"
                + medication.json().get("id").asString() + "/adherence", Api.json(Map.of("scheduledFor", dose.toString(),
                "status", "TAKEN", "takenAt", dose.toString())), token);
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        Api.Response task = api.post("/api/v1/tasks", Api.json(Map.of("patientId", patient, "taskType",
                "FOLLOW_UP_CALL", "title", "Call about the crisis reading", "priority", "HIGH", "dueDate",
                now.plus(1, ChronoUnit.DAYS).toString())), token);
        assertThat(task.status()).as(task.body()).isEqualTo(201);
        Api.Response note = api.post("/api/v1/patients/" + patient + "/encounter-notes", Api.json(Map.of(
                "encounterType", "RPM", "subjective", "Headache since the morning.", "plan",
                "Repeat the reading in an hour.")), token);
        assertThat(note.status()).as(note.body()).isEqualTo(201);

        browser.signIn(physician.email(), Accounts.PASSWORD);
        browser.go("/patients?mrn=" + mrn);
        browser.await("#patients");
        assertThat(browser.all("#patients tbody tr")).hasSize(1);
        browser.screenshot("patients");
        browser.assertNoConsoleErrors();

        browser.click("#patients tbody a");
        browser.await("#vitals canvas[data-drawn='true']");
        assertThat(browser.path()).isEqualTo("/patients/" + patient);
        for (String metric : java.util.List.of("bp_systolic", "bp_diastolic", "heart_rate")) {
            assertThat(browser.all("#vitals figure.vital[data-metric='" + metric + "']")).as(metric).hasSize(1);
        }
        assertThat(browser.text()).contains("Essential hypertension", "REMOTE_PATIENT_MONITORING", "Maya Okafor, MD");
        assertDrawn();
        WebElement systolic = browser.find("#vitals figure[data-metric='bp_systolic']");
        assertThat(systolic.getText()).contains("Normal 90–119", "Alert ≥ 180");
        browser.await("#alert-history tbody tr");
        assertThat(browser.find("#alert-history").getText()).contains("CRITICAL");
        browser.await("#care-body #timer-start");
        assertThat(browser.find("#assessments").getText()).contains("PHQ-9", "6");
        assertThat(browser.find("#monitoring-body .meds").getText()).contains("Lisinopril", "Adherence, last 30 days");
        assertThat(browser.find("#care-body").getText()).contains("Call about the crisis reading", "RPM");

        browser.click("#vitals button[data-range='7']");
        browser.await("#vitals button[data-range='7'][aria-pressed='true']");
        browser.await("#vitals canvas[data-drawn='true']");
        assertThat(browser.text()).doesNotContain("Daily average, lowest and highest");
        assertDrawn();
        // a tall window, so the screenshot shows the header, enrollments and the vitals charts together
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1366, 1500));
        browser.screenshot("patient-chart");
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
        browser.assertNoConsoleErrors();

        browser.click("#timer-start");
        browser.await("#timer-clock[data-timer-since]");
        browser.awaitText("Timer started.");
        clock.advance(Duration.ofMinutes(3));
        browser.click("#timer-stop");
        browser.awaitText("Timer stopped: 3 min logged.");
        browser.await("#time-logs tbody tr");
        assertThat(browser.find("#time-logs").getText()).contains("REVIEW_DATA", "3", "TIMER");
        assertThat(browser.all("#timer-clock")).isEmpty();
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('care').scrollIntoView()");
        browser.screenshot("patient-chart-care");
        browser.assertNoConsoleErrors();
        clock.reset();

        browser.click("#enroll");
        browser.await("#enroll-form");
        new Select(browser.find("#careProgramId")).selectByValue(program);
        new Select(browser.find("#clinicianId")).selectByValue(clinician);
        browser.click("#enroll-form button[type=submit]");
        browser.await("#refusal");
        assertThat(browser.find("#refusal").getText()).contains("already has an ACTIVE enrollment in this care program");
        assertThat(browser.consoleErrors()).as("only the refused enrollment's 409 answer")
                .allMatch(error -> error.contains("/enroll") && error.contains("409"));

        new Select(browser.find("#careProgramId")).selectByValue(secondProgram);
        new Select(browser.find("#conditionPresetId")).selectByValue(preset);
        new Select(browser.find("#billingProgramId")).selectByValue(rpm);
        browser.awaitText("Not eligible for billing");
        assertThat(browser.find("#eligibility").getText()).contains("No insurance type is given.");
        new Select(browser.find("#insuranceType")).selectByValue("MEDICARE_PART_B");
        browser.awaitText("Eligible for billing.");
        assertThat(browser.find("#consent").isSelected()).as("prefilled from the documented consent").isTrue();
        assertThat(browser.all("input[name='chronicConditions']:checked")).hasSize(2);
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1366, 1450));
        browser.screenshot("enrollment");
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
        browser.assertNoConsoleErrors();

        browser.click("#enroll-form button[type=submit]");
        browser.awaitText("The patient was enrolled.");
        assertThat(browser.all("#enrollments tbody tr")).hasSize(2);
        assertThat(browser.find("#enrollments").getText()).contains("CMS Remote Physiologic Monitoring 2026", "Eligible");
        browser.assertNoConsoleErrors();
    }

    private void assertDrawn() {
        Object length = ((JavascriptExecutor) browser.driver()).executeScript(
                "var c = document.querySelector('#vitals canvas[data-drawn]'); return c ? c.toDataURL().length : 0;");
        Object blank = ((JavascriptExecutor) browser.driver()).executeScript(
                "var c = document.querySelector('#vitals canvas[data-drawn]'); var b = document.createElement('canvas');"
                        + "b.width = c.width; b.height = c.height; return b.toDataURL().length;");
        assertThat(((Number) length).longValue()).as("drawn canvas vs blank").isGreaterThan(((Number) blank).longValue() + 2000);
    }

    /** Waits (up to 15 s) until the asynchronous rule evaluation has raised the patient's alert. */
    private void awaitAlert(Api api, String token, String patient) {
        new org.openqa.selenium.support.ui.FluentWait<>(api).withTimeout(Duration.ofSeconds(15))
                .pollingEvery(Duration.ofMillis(200)).withMessage("no alert was raised for the crisis reading")
                .until(client -> {
                    Api.Response alerts = client.get("/api/v1/alerts?patientId=" + patient, token);
                    return alerts.status() == 200 && !alerts.json().get("items").isEmpty();
                });
    }

    private static void reading(StringBuilder out, String patient, String metric, int value, Instant at) {
        out.append(out.isEmpty() ? "" : ",").append("{\"patientId\":\"").append(patient).append("\",\"metric\":\"")
                .append(metric).append("\",\"value\":").append(value).append(",\"recordedAt\":\"").append(at)
                .append("\"}");
    }
}
