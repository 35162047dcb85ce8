package org.vigil.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneOffset;
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
 * The billing board over real HTTP with the web session: who may see it and close a month, the
 * claims CSV being the API's, bad input as readable pages, other organizations' patients absent,
 * and the current month's open periods shown as at risk with their deadline.
 */
@VigilIntegrationTest
class BillingBoardPageTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;

    BillingBoardFixture clinic;

    @BeforeEach
    void twoRpmPatients() {
        clinic = new BillingBoardFixture(data);
    }

    private Browser signedIn(Accounts.Account account) {
        Browser browser = new Browser(port);
        Browser.Page login = browser.get("/login");
        Browser.Page done = browser.post("/login", Map.of("email", account.email(), "password", Accounts.PASSWORD,
                "_csrf", login.csrf()));
        assertThat(done.redirectsTo("/")).as("signed in").isTrue();
        return browser;
    }

    @Test
    void withoutBillingReadTheBoardAndTheCsvAreRefused() {
        Browser nurse = signedIn(accounts.member(clinic.clinic, "NURSE"));
        Browser.Page board = nurse.get("/billing?month=2025-11");
        assertThat(board.status()).isEqualTo(403);
        assertThat(board.text()).contains("Your role does not allow this").doesNotContain("Lovelace", "Hopper");
        assertThat(nurse.get("/billing/claims.csv?month=2025-11").status()).isEqualTo(403);
        assertThat(nurse.get("/").body()).doesNotContain("href=\"/billing\"");
    }

    @Test
    void readingIsNotClosing() {
        Browser admin = signedIn(accounts.member(clinic.clinic, "ORG_ADMIN"));
        Browser.Page board = admin.get("/billing?month=2025-11");
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.text()).contains("Lovelace, Ada", "Hopper, Grace", "Ended, not closed");
        assertThat(board.body()).doesNotContain("id=\"close-month\"", "id=\"close-dialog\"");
        Browser.Page close = admin.post("/billing/close", Map.of("month", "2025-11", "_csrf", board.csrf()));
        assertThat(close.status()).isEqualTo(403);
        assertThat(data.platformQuery("SELECT count(*) FROM billing_period_closes WHERE organization_id = ?", clinic.clinic))
                .isZero();
    }

    @Test
    void theCsvThroughTheSessionIsTheApisExport() {
        Accounts.Account biller = accounts.member(clinic.clinic, "BILLING_ADMIN");
        Browser browser = signedIn(biller);
        Browser.Page csv = browser.get("/billing/claims.csv?month=2025-11");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        Api api = new Api(port);
        Api.Response fromApi = api.get("/api/v1/billing/claims.csv?month=2025-11", accounts.signIn(api, biller, clinic.clinic));
        assertThat(fromApi.status()).isEqualTo(200);
        assertThat(csv.body()).isEqualTo(fromApi.body()).contains(clinic.grace);
    }

    @Test
    void badInputAndRefusalsAreReadable() {
        Browser browser = signedIn(accounts.member(clinic.clinic, "BILLING_ADMIN"));
        Browser.Page malformed = browser.get("/billing?month=2025-13");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.text()).contains("month: must be a month such as 2026-11.");
        assertThat(browser.get("/billing?month=2025-11&page=x").status()).isEqualTo(400);
        Browser.Page board = browser.get("/billing?month=2025-11&page=99&status=nonsense");
        assertThat(board.status()).as("a page past the end shows the last; an unknown status shows all").isEqualTo(200);
        assertThat(board.text()).contains("Lovelace, Ada");

        String current = YearMonth.now(ZoneOffset.UTC).toString();
        Browser.Page open = browser.post("/billing/close", Map.of("month", current, "_csrf", board.csrf()),
                Map.of("HX-Request", "true"));
        assertThat(open.status()).isEqualTo(409);
        assertThat(open.text()).contains("A month can be closed once it has ended");
        Browser.Page missing = browser.post("/billing/close", Map.of("_csrf", board.csrf()), Map.of("HX-Request", "true"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text()).contains("month: is required");

        Browser.Page closed = browser.post("/billing/close", Map.of("month", "2025-11", "_csrf", board.csrf()));
        assertThat(closed.status()).isEqualTo(303);
        assertThat(closed.location()).endsWith("/billing?month=2025-11&done=closed");
        Browser.Page again = browser.post("/billing/close", Map.of("month", "2025-11", "_csrf", board.csrf()),
                Map.of("HX-Request", "true"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text()).contains("month: This month is closed; its snapshot never changes.").doesNotContain("changes..");
    }

    @Test
    void anotherOrganizationSeesNoneOfThesePatients() {
        String other = data.organization();
        Browser outsider = signedIn(accounts.member(other, "BILLING_ADMIN"));
        Browser.Page board = outsider.get("/billing?month=2025-11");
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.text()).doesNotContain("Lovelace", "Hopper").contains("No patient has a billing enrollment");
        assertThat(outsider.get("/billing/claims.csv?month=2025-11").body()).doesNotContain(clinic.grace);
    }

    @Test
    void theCurrentMonthShowsWhatIsAtRiskAndByWhen() {
        // Katherine, enrolled today with a reading today: her first 30-day period starts today and needs 15 more days.
        java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
        String katherine = clinic.patient("Katherine", "Johnson", "MRN-K1");
        String enrollment = clinic.enroll(katherine, data.careProgram(clinic.clinic), "CMS_RPM_2026", now);
        clinic.reading(katherine, enrollment, now);
        Browser browser = signedIn(accounts.member(clinic.clinic, "BILLING_ADMIN"));
        Browser.Page board = browser.get("/billing?status=AT_RISK");
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.text()).contains("Johnson, Katherine", "1 / 16", "At risk", "15 more days of readings by");
        assertThat(board.body()).as("only what is at risk").contains("badge status-AT_RISK")
                .doesNotContain("badge status-MET", "badge status-NOT_MET", "badge status-BLOCKED");
        assertThat(board.body()).doesNotContain("id=\"close-month\"").contains("A month can be closed once it has ended.");
    }
}
