package org.vigil.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.support.Accounts;
import org.vigil.support.RealBrowser;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;

/**
 * In a real browser: a billing administrator opens the billing board for November 2025, sees each
 * patient's device days and minutes as progress bars with the engine's status and reasons, filters
 * it, downloads the claims CSV with the web session, sees a refused close in the dialog (another
 * member closed the month meanwhile), and closes the month through its dialog.
 */
@VigilIntegrationTest
class BillingBoardBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;

    private RealBrowser browser;

    @BeforeEach
    void open() {
        browser = RealBrowser.open(port);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    private WebElement row(String patient, String code) {
        return browser.find("tr[data-patient='" + patient + "'][data-code='" + code + "']");
    }

    @Test
    void theBoardShowsProgressExportsClaimsAndClosesTheMonth() throws Exception {
        BillingBoardFixture clinic = new BillingBoardFixture(data);
        Accounts.Account biller = accounts.member(clinic.clinic, "BILLING_ADMIN");
        browser.signIn(biller.email(), Accounts.PASSWORD);
        browser.assertNoConsoleErrors();
        browser.find("nav.sections a[href='/billing']").click();
        browser.await("h1");
        assertThat(browser.path()).isEqualTo("/billing");
        browser.assertNoConsoleErrors();

        browser.go("/billing?month=2025-11");
        browser.await("table.readiness");
        assertThat(browser.find("h1").getText()).contains("November 2025");
        assertThat(browser.find("#billable-claims").getText()).isEqualTo("3");
        assertThat(browser.find("#expected-revenue").getText()).isEqualTo("$110.62");
        assertThat(browser.find("#month-state").getText()).contains("Ended, not closed");

        // Ada: 12 of 16 device days and 14 of 20 minutes, neither met, with the engine's reasons.
        WebElement adaDays = row(clinic.ada, "99454");
        assertThat(adaDays.getText()).contains("Lovelace, Ada", "12 / 16", "Not met", "1 Nov–30 Nov");
        assertThat(adaDays.findElement(org.openqa.selenium.By.cssSelector("progress")).getDomAttribute("value")).isEqualTo("12");
        assertThat(adaDays.findElement(org.openqa.selenium.By.cssSelector("progress")).getDomAttribute("max")).isEqualTo("16");
        WebElement adaMinutes = row(clinic.ada, "99457");
        assertThat(adaMinutes.getText()).contains("14 / 20 min", "Not met", "14 minutes in Nov 2025; 20 required");
        assertThat(adaMinutes.findElement(org.openqa.selenium.By.cssSelector("progress")).getDomAttribute("value")).isEqualTo("14");
        assertThat(adaMinutes.findElement(org.openqa.selenium.By.cssSelector("progress")).getDomAttribute("max")).isEqualTo("20");
        // Grace: 16 of 16 days and 25 of 20 minutes, met.
        WebElement graceDays = row(clinic.grace, "99454");
        assertThat(graceDays.getText()).contains("Hopper, Grace", "16 / 16", "Met");
        assertThat(graceDays.findElement(org.openqa.selenium.By.cssSelector(".badge")).getAttribute("class")).contains("status-MET");
        assertThat(row(clinic.grace, "99457").findElement(org.openqa.selenium.By.cssSelector("progress")).getDomAttribute("value"))
                .isEqualTo("25");
        // Ordered by name: Hopper before Lovelace.
        assertThat(browser.all("table.readiness tbody tr").get(0).getAttribute("data-patient")).isEqualTo(clinic.grace);
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1366, 1400));
        browser.screenshot("billing-board");
        browser.assertNoConsoleErrors();

        // Only what is not met, through the filter form.
        new org.openqa.selenium.support.ui.Select(browser.find("#status")).selectByValue("NOT_MET");
        browser.click("form.board-filters button[type=submit]");
        browser.await("table.readiness");
        assertThat(browser.all("table.readiness tbody tr")).isNotEmpty()
                .allSatisfy(tr -> assertThat(tr.getText()).contains("Not met"));
        assertThat(browser.all("tr[data-patient='" + clinic.ada + "'][data-code='99454']")).hasSize(1);
        assertThat(browser.all("tr[data-patient='" + clinic.grace + "'][data-code='99454']")).isEmpty();
        browser.assertNoConsoleErrors();

        // The claims CSV with the session: Grace's three codes, nothing of Ada's.
        assertThat(browser.find("#claims-csv").getAttribute("href")).endsWith("/billing/claims.csv?month=2025-11");
        String session = browser.driver().manage().getCookieNamed("VIGIL_SESSION").getValue();
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/billing/claims.csv?month=2025-11"))
                .header("Cookie", "VIGIL_SESSION=" + session).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("billing-claims-2025-11.csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("patientId,enrollmentId,dateOfService,code,units,billingNpi,icd10Codes,amount,rateTable,final");
        assertThat(lines).hasSize(4);
        assertThat(java.util.Arrays.stream(lines).skip(1)).allMatch(line -> line.startsWith(clinic.grace + ","));
        assertThat(csv.body()).contains(",2025-11-30,99454,1,1234567893,I10,").doesNotContain(clinic.ada);

        // Someone else closes October while the dialog is open: the refusal shows in the dialog.
        browser.go("/billing?month=2025-10");
        browser.click("#close-month");
        browser.await("#close-dialog[open] #confirm-close");
        data.platformUpdate("INSERT INTO billing_period_closes (id, organization_id, month, closed_at, closed_by_user_id, lines, "
                + "total_amount) VALUES (?, ?, DATE '2025-10-01', now(), ?, '[]'::jsonb, 0)", org.vigil.shared.Ids.newId(),
                clinic.clinic, biller.userId());
        browser.click("#confirm-close");
        assertThat(browser.await("#close-errors").getText()).contains("This month is closed");
        browser.screenshot("billing-close-refused");
        assertThat(browser.path()).isEqualTo("/billing");
        assertThat(browser.consoleErrors()).as("only the refused close's 409 answer")
                .allMatch(error -> error.contains("/billing/close") && error.contains("409"));

        // Close November through the confirmation dialog.
        browser.go("/billing?month=2025-11");
        browser.click("#close-month");
        browser.await("#close-dialog[open] #confirm-close");
        assertThat(browser.find("#close-dialog").getText()).contains("Close November 2025?", "3 claim lines", "$110.62");
        browser.screenshot("billing-close-dialog");
        browser.click("#confirm-close");
        browser.awaitText("The month is closed");
        assertThat(browser.find("#month-state").getText()).contains("Closed", "snapshot total $110.62");
        assertThat(browser.all("#close-month")).isEmpty();
        assertThat(data.platformQuery("SELECT count(*) FROM billing_period_closes WHERE organization_id = ? "
                + "AND month = DATE '2025-11-01' AND total_amount = 110.62", clinic.clinic)).isEqualTo(1);
        browser.screenshot("billing-closed");
        browser.assertNoConsoleErrors();
    }
}
