package org.vigil.alerting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.RealBrowser;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;

/**
 * In a real browser: a nurse sees the open alert on the dashboard, opens the triage queue, which
 * shows a second alert live as it is raised (server-sent events) and who claimed it (by name); ticks
 * both and claims them at once (the other member's claim stands); saves the filters as a view and
 * gets them back by choosing it; releases, claims and acknowledges the first alert, is told next to
 * the field that a resolution needs a note, resolves it with one, and sees it leave the queue; then
 * escalates the second for a named member. Last, at tablet width (768 × 1024), the dashboard, the
 * queue and a patient's chart fit the window without sideways scrolling.
 */
@VigilIntegrationTest
class TriageBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;

    private RealBrowser browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void claimAcknowledgeAndResolveAnAlertWhichLeavesTheLiveQueue() {
        Api api = new Api(port);
        String clinic = data.organization();
        String admin = accounts.signIn(api, accounts.member(clinic, "ORG_ADMIN"), clinic);
        Accounts.Account physician = accounts.member(clinic, "PHYSICIAN");
        String physicianToken = accounts.signIn(api, physician, clinic);
        Accounts.Account nurse = accounts.member(clinic, "NURSE");
        String nurseToken = accounts.signIn(api, nurse, clinic);
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("name", "Hypertensive crisis");
        rule.put("severity", "CRITICAL");
        rule.put("cooldownMinutes", 0);
        rule.put("description", "Systolic pressure in the crisis range");
        rule.put("conditions", Map.of("type", "threshold", "metric", "bp_systolic", "op", "gte", "value", 180));
        assertThat(api.post("/api/v1/library/alert-rules", Api.json(rule), admin).status()).isEqualTo(201);
        String first = enrolledPatient(clinic, "MRN-FIRST");
        String second = enrolledPatient(clinic, "MRN-SECOND");

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 5; i++) {
            reading(api, nurseToken, first, 140 + i * 2, now.minus(Duration.ofHours(30 - i * 6)));
        }
        reading(api, nurseToken, first, 186, now.minusSeconds(60));
        String alert = awaitAlert(clinic, first);

        browser = RealBrowser.open(port);
        browser.signIn(nurse.email(), Accounts.PASSWORD);
        assertThat(browser.path()).isEqualTo("/");
        browser.screenshot("dashboard");
        assertThat(browser.await("#card-alerts .figure").getText()).isEqualTo("1");
        assertThat(browser.find("#card-alerts a[href='/triage?severity=CRITICAL'] strong").getText()).isEqualTo("1");
        assertThat(browser.find("#card-alerts a[href='/triage?severity=HIGH'] strong").getText()).isEqualTo("0");
        assertThat(browser.all("#card-billing")).as("a nurse has no BILLING_READ").isEmpty();
        browser.assertNoConsoleErrors();

        browser.click("#card-alerts .figure a");
        browser.await("tr[data-alert-id='" + alert + "']");
        assertThat(browser.path()).isEqualTo("/triage");
        browser.assertNoConsoleErrors();

        // A new alert appears without reloading: the page listens to the organization's alert stream.
        awaitSubscribed(clinic);
        reading(api, nurseToken, second, 191, now.minusSeconds(30));
        String other = awaitAlert(clinic, second);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.cssSelector("tr[data-alert-id='" + other + "']")).isEmpty());

        // Another member claims the second alert: the queue names them.
        assertThat(api.post("/api/v1/alerts/" + other + "/claim", "{}", physicianToken).status()).isEqualTo(200);
        awaitRowText(other, "claimed by Test PHYSICIAN");

        // Bulk: nothing ticked is refused next to the buttons; then both ticked and claimed at once.
        browser.click("#bulk-claim");
        assertThat(browser.await("#bulk-form [data-error-for='alertIds']").getText())
                .isEqualTo("Tick at least one alert in the list.");
        assertThat(browser.consoleErrors()).as("only the refused bulk action's 422")
                .allMatch(error -> error.contains("/triage/bulk") && error.contains("422"));
        browser.click("#pick-" + alert);
        browser.click("#pick-" + other);
        browser.screenshot("triage-bulk-ticked");
        browser.click("#bulk-claim");
        browser.awaitText("1 alert claimed; not claimed: 1 (claimed by someone else).");
        awaitRowText(alert, "claimed by you");
        assertThat(browser.find("tr[data-alert-id='" + other + "']").getText()).contains("claimed by Test PHYSICIAN");
        assertThat(browser.find("#pick-" + alert).isSelected()).as("unticked after the action").isFalse();
        assertThat(data.platformString("SELECT claimed_by_id FROM alerts WHERE id = ?", alert)).isEqualTo(nurse.userId());
        assertThat(data.platformString("SELECT claimed_by_id FROM alerts WHERE id = ?", other))
                .isEqualTo(physician.userId());
        browser.assertNoConsoleErrors();

        // Saved views: filter, save the filters under a name (a name is required), get them back.
        browser.select("#filter-claimed", "By others");
        browser.click("#triage-filters button[type=submit]");
        browser.awaitGone("tr[data-alert-id='" + alert + "']");
        browser.await("tr[data-alert-id='" + other + "']");
        browser.click("#save-view-submit");
        assertThat(browser.await("#view-name-error").getText()).isEqualTo("Enter a name for the view.");
        assertThat(browser.consoleErrors()).as("only the refused name's 422")
                .allMatch(error -> error.contains("/triage/views") && error.contains("422"));
        browser.type("#view-name", "Colleagues’ alerts");
        browser.click("#save-view-submit");
        browser.awaitText("saved; choose it under Saved view");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector("#apply-view option[selected]")).isEmpty());
        assertThat(browser.find("#apply-view option[selected]").getText()).isEqualTo("Colleagues’ alerts");
        String view = data.platformString("SELECT id FROM saved_views WHERE user_id = ? AND view_type = 'TRIAGE_QUEUE' "
                + "AND filters = '{\"claimed\": \"others\"}'::jsonb", nurse.userId());
        assertThat(view).as("the view with the queue's filters").isNotNull();
        browser.screenshot("triage-saved-view");
        browser.assertNoConsoleErrors();

        browser.go("/triage");
        browser.await("tr[data-alert-id='" + alert + "']");
        browser.select("#apply-view", "Colleagues’ alerts");
        browser.click("#apply-view-submit");
        browser.awaitGone("tr[data-alert-id='" + alert + "']");
        assertThat(browser.driver().getCurrentUrl()).contains("claimed=others", "view=" + view);
        assertThat(browser.all("tr[data-alert-id='" + other + "']")).hasSize(1);
        assertThat(browser.find("#filter-claimed option[value='others']").isSelected()).isTrue();
        assertThat(data.platformString("SELECT usage_count::text FROM saved_views WHERE id = ?", view)).isEqualTo("1");
        browser.assertNoConsoleErrors();

        browser.go("/triage");
        browser.click("tr[data-alert-id='" + alert + "'] a.open-alert");
        browser.await("#panel-content[data-alert-id='" + alert + "']");
        assertThat(browser.find("#panel-content").getText()).contains("MRN-FIRST", "Why it fired", "History");
        assertThat(browser.all("#panel-content canvas[data-chart]")).as("the recent systolic values").hasSize(1);
        assertThat(browser.find("tr[data-alert-id='" + alert + "']").getAttribute("class")).contains("selected");
        browser.screenshot("triage");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView()", browser.find("#panel-content .panel-chart"));
        browser.screenshot("triage-context");
        browser.assertNoConsoleErrors();

        browser.click("#action-unclaim");
        browser.await("#action-claim");
        browser.click("#action-claim");
        browser.await("#action-unclaim");
        assertThat(browser.find("#panel-claim").getText()).startsWith("by you");
        browser.click("#action-acknowledge");
        browser.await("#action-resolve");
        assertThat(browser.find("#panel-status").getText()).isEqualTo("ACKNOWLEDGED");

        browser.click("#action-resolve");
        browser.await("#dialog-resolve");
        browser.type("#resolve-action", "Called the patient");
        browser.click("#resolve-submit");
        assertThat(browser.await("#resolve-notes-error").getText()).isEqualTo("Required.");
        assertThat(browser.find("#dialog-resolve").isDisplayed()).as("the dialog stays open").isTrue();
        browser.screenshot("triage-resolve-dialog");
        assertThat(data.platformString("SELECT status FROM alerts WHERE id = ?", alert)).isEqualTo("ACKNOWLEDGED");

        browser.type("#resolve-notes", "Rechecked at home: 142/88. Medication taken late; no symptoms.");
        browser.click("#resolve-submit");
        browser.awaitGone("tr[data-alert-id='" + alert + "']");
        browser.await("#panel-closed");
        browser.awaitText("Alert resolved; it has left the queue.");
        assertThat(browser.all("tr[data-alert-id='" + other + "']")).hasSize(1);
        assertThat(data.platformString("SELECT status || ' ' || resolution_notes FROM alerts WHERE id = ?", alert))
                .startsWith("RESOLVED Rechecked at home");
        browser.screenshot("triage-after-resolve");
        List<String> errors = browser.consoleErrors();
        assertThat(errors).as("only the refused resolution's 422 answer")
                .allMatch(error -> error.contains("/resolve") && error.contains("422"));

        // The other member's alert: their name in the panel; escalated for a member chosen by name.
        browser.click("tr[data-alert-id='" + other + "'] a.open-alert");
        browser.await("#panel-content[data-alert-id='" + other + "']");
        assertThat(browser.find("#panel-claim").getText()).startsWith("by Test PHYSICIAN until");
        browser.click("#action-escalate");
        browser.await("#dialog-escalate");
        browser.select("#escalate-target", "Test PHYSICIAN");
        browser.type("#escalate-reason", "Systolic above 190 twice; needs the physician today.");
        browser.click("#escalate-submit");
        browser.awaitText("Alert escalated.");
        assertThat(browser.await("#panel-content li.escalation").getText())
                .contains("escalated to level 1 for Test PHYSICIAN by Test NURSE");
        assertThat(data.platformString("SELECT target_user_id FROM alert_escalations WHERE alert_id = ?", other))
                .isEqualTo(physician.userId());
        browser.assertNoConsoleErrors();

        // A tablet held upright: every page fits the window's width.
        browser.resize(768, 1024);
        for (String[] page : new String[][] {{"/", "#card-alerts"}, {"/triage?alert=" + other, "#panel-content"},
                {"/patients/" + first, "main h1"}}) {
            browser.go(page[0]);
            browser.await(page[1]);
            String name = "tablet-" + (page[0].equals("/") ? "dashboard" : page[0].startsWith("/triage") ? "triage" : "chart");
            browser.screenshot(name);
            assertThat(browser.horizontalOverflow()).as(name + " scrolls sideways by so many pixels").isZero();
        }
        browser.await("#vitals canvas[data-chart]");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView()", browser.find("#vitals"));
        browser.screenshot("tablet-chart-vitals");
        assertThat(browser.horizontalOverflow()).as("the chart with its vitals loaded").isZero();
        browser.assertNoConsoleErrors();

        // The session ends while the queue is open: when its live stream drops, the page goes to sign-in.
        browser.resize(1366, 900);
        browser.go("/triage");
        browser.await("tr[data-alert-id='" + other + "']");
        awaitSubscribed(clinic);
        browser.driver().manage().deleteCookieNamed("VIGIL_SESSION");
        stream.closeAll();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> browser.path().equals("/login"));
        assertThat(browser.consoleErrors()).as("only the dropped stream (htmx logs it) and the 401 of the probe")
                .allMatch(error -> error.contains("/triage/stream") || error.contains("[object Event]"));
    }

    /** Waits until the queue's row of the alert shows {@code text} (the list refreshes itself). */
    private void awaitRowText(String alertId, String text) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("tr[data-alert-id='" + alertId + "']")).stream()
                        .anyMatch(row -> row.getText().contains(text)));
    }

    private String enrolledPatient(String clinic, String mrn) {
        String patient = data.patient(clinic, mrn + "-" + clinic.substring(0, 6));
        data.enrollment(clinic, patient, data.clinician(clinic), data.careProgram(clinic));
        return patient;
    }

    private void reading(Api api, String token, String patient, int systolic, Instant at) {
        Map<String, Object> reading = Map.of("patientId", patient, "metric", "bp_systolic", "value", systolic,
                "recordedAt", at.toString(), "source", "DEVICE");
        assertThat(api.post("/api/v1/observations", Api.json(Map.of("readings", List.of(reading))), token).status())
                .isEqualTo(200);
    }

    /** Alert evaluation is asynchronous: waits for the patient's open alert. */
    private String awaitAlert(String clinic, String patient) {
        String sql = "SELECT min(id) FROM alerts WHERE organization_id = ? AND patient_id = ? AND status = 'PENDING'";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String id = data.platformString(sql, clinic, patient);
        while (id == null && System.nanoTime() < deadline) {
            LockSupport.parkNanos(100_000_000);
            id = data.platformString(sql, clinic, patient);
        }
        assertThat(id).as("an alert for the over-threshold reading").isNotNull();
        return id;
    }

    @Autowired
    AlertStream stream;

    /** The page's event source has connected (else a change could come before it listens). */
    private void awaitSubscribed(String clinic) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (stream.subscribers(clinic) == 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(50_000_000);
        }
        assertThat(stream.subscribers(clinic)).as("the triage page's live connection").isPositive();
    }
}
