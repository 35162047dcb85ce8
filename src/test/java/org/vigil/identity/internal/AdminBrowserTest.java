package org.vigil.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.support.Accounts;
import org.vigil.support.RealBrowser;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;

/**
 * In a real browser, an organization administrator uses the administration pages: changes a
 * nurse's role to physician and sees it saved, is refused (readably) when changing her own role,
 * sets the organization's colour (and is told what is wrong with a bad one), clones a standard
 * alert rule and sees the condition language's message next to the field, searches the audit log.
 * A nurse is refused the settings page with a readable 403 page.
 */
@VigilIntegrationTest
class AdminBrowserTest {

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

    /** Only the answers of the refusals this test provokes may show as console errors. */
    private void assertOnlyRefusals(int status) {
        assertThat(browser.consoleErrors()).as("only the refused request's answer")
                .allMatch(error -> error.contains(String.valueOf(status)));
    }

    @Test
    void anAdministratorChangesARoleIsRefusedHerOwnAndConfiguresTheOrganization() {
        String clinic = data.organization();
        Accounts.Account admin = accounts.member(clinic, "ORG_ADMIN");
        Accounts.Account nurse = accounts.member(clinic, "NURSE");

        browser.signIn(admin.email(), Accounts.PASSWORD);
        browser.go("/admin");
        assertThat(browser.text()).contains("Users and roles", "Organization settings", "Clinical library", "Audit log",
                "Devices");
        browser.assertNoConsoleErrors();

        // NURSE → PHYSICIAN, saved and shown
        browser.go("/admin/users");
        assertThat(browser.find("#member-" + nurse.userId() + " .role").getText()).isEqualTo("NURSE");
        browser.click("#member-" + nurse.userId() + " a[href='/admin/users/" + nurse.userId() + "']");
        browser.await("#member-form");
        new Select(browser.find("#role")).selectByValue("PHYSICIAN");
        browser.click("#member-form button[type=submit]");
        browser.await("#notice");
        assertThat(browser.path()).isEqualTo("/admin/users");
        assertThat(browser.find("#notice").getText()).contains("is an active PHYSICIAN");
        assertThat(browser.find("#member-" + nurse.userId() + " .role").getText()).isEqualTo("PHYSICIAN");
        assertThat(data.platformString("SELECT role FROM user_organizations WHERE user_id = ? AND organization_id = ?",
                nurse.userId(), clinic)).isEqualTo("PHYSICIAN");
        browser.screenshot("admin-users");
        browser.assertNoConsoleErrors();

        // her own role: refused, readably, nothing changed
        browser.go("/admin/users/" + admin.userId());
        new Select(browser.find("#role")).selectByValue("NURSE");
        browser.click("#member-form button[type=submit]");
        assertThat(browser.await("#member-problem").getText())
                .contains("Nobody may change their own role, permissions or active state");
        assertThat(data.platformString("SELECT role FROM user_organizations WHERE user_id = ? AND organization_id = ?",
                admin.userId(), clinic)).isEqualTo("ORG_ADMIN");
        browser.screenshot("admin-users-own-role-refused");
        assertOnlyRefusals(409);

        // branding: a bad colour is refused next to its field; a good one colours the banner
        browser.go("/admin/settings");
        browser.type("#primaryColor", "green").click("#settings-form button[type=submit]");
        assertThat(browser.await("#primaryColor-error").getText()).contains("#rrggbb");
        assertOnlyRefusals(400);
        browser.go("/admin/settings");
        browser.type("#primaryColor", "#0B6E4F").type("#slaHIGH", "90")
                .click("#settings-form button[type=submit]");
        try {
            browser.await("#notice");
        } catch (RuntimeException e) {
            browser.screenshot("admin-settings-not-saved");
            throw new AssertionError(browser.text(), e);
        }
        assertThat(browser.find("#notice").getText()).contains("saved");
        assertThat(browser.find("#primaryColor").getAttribute("value")).isEqualTo("#0b6e4f");
        assertThat(browser.find(".banner").getCssValue("background-color")).isEqualTo("rgba(11, 110, 79, 1)");
        browser.screenshot("admin-settings");
        browser.assertNoConsoleErrors();

        // library: clone a standard alert rule, then a condition the language refuses is shown at the field
        browser.go("/admin/library?tab=rules");
        browser.await("#library-rules");
        browser.screenshot("admin-library");
        browser.assertNoConsoleErrors();
        browser.click("#library-rules form[action$='/clone'] button");
        browser.await("#rule-form");
        assertThat(browser.find("h1").getText()).endsWith("(ours)");
        browser.type("#conditions", "{\"type\": \"threshold\", \"metric\": \"no_such_metric\", \"op\": \"gt\", \"value\": 1}")
                .click("#rule-form button[type=submit]");
        assertThat(browser.await("#conditions-error").getText()).isNotBlank();
        browser.screenshot("admin-library-rule-refused");
        assertOnlyRefusals(400);
        browser.type("#conditions", "{not json").click("#rule-form button[type=submit]");
        assertThat(browser.await("#conditions-error").getText()).contains("is not valid JSON");
        assertOnlyRefusals(400);

        // library: clone a standard questionnaire and edit the copy; a refused field is shown next to it
        browser.go("/admin/library?tab=templates");
        browser.await("#library-templates");
        browser.click("#library-templates form[action$='/clone'] button");
        browser.await("#template-form");
        assertThat(browser.find("h1").getText()).endsWith("(ours)");
        String template = browser.path().substring("/admin/library/templates/".length());
        int items = browser.all("#template-items tbody tr").size() - 1; // the last row adds an item
        assertThat(items).isPositive();
        browser.type("#name", " ").click("#save-template");
        assertThat(browser.await("#name-error").getText()).isEqualTo("must not be blank");
        assertThat(browser.find("#name").getAttribute("aria-invalid")).isEqualTo("true");
        assertOnlyRefusals(400);
        String firstMetric = new Select(browser.find("#item-metric-0")).getFirstSelectedOption().getAttribute("value");
        browser.type("#name", "Our glucose log");
        new Select(browser.find("#item-metric-" + items)).selectByValue(firstMetric);
        browser.click("#save-template");
        assertThat(browser.await("#items-error").getText()).isEqualTo("row " + (items + 1) + ": is listed twice");
        assertThat(browser.find("#name").getAttribute("value")).as("the form keeps what was typed")
                .isEqualTo("Our glucose log");
        browser.screenshot("admin-library-template-refused");
        assertOnlyRefusals(400);
        new Select(browser.find("#item-metric-" + items)).selectByValue("");
        browser.type("#item-help-0", "Over the last two weeks");
        browser.click("#save-template");
        assertThat(browser.await("#notice").getText()).isEqualTo("The questionnaire was saved.");
        assertThat(browser.find("h1").getText()).isEqualTo("Our glucose log");
        assertThat(data.platformString("SELECT count(*)::text FROM assessment_template_items WHERE template_id = ?",
                template)).isEqualTo(String.valueOf(items));
        assertThat(data.platformString("SELECT help_text FROM assessment_template_items WHERE template_id = ? "
                + "AND display_order = 0", template)).isEqualTo("Over the last two weeks");
        browser.screenshot("admin-library-template");
        browser.assertNoConsoleErrors();

        // the audit log has the role change
        browser.go("/admin/audit?action=MEMBERSHIP_CHANGED");
        browser.await("#audit-entries");
        assertThat(browser.find("#audit-entries").getText()).contains("MEMBERSHIP_CHANGED");
        assertThat(browser.find("#csv").getAttribute("href")).contains("/admin/audit.csv");
        browser.screenshot("admin-audit");
        browser.assertNoConsoleErrors();

        browser.go("/admin/devices");
        browser.await("h1");
        browser.screenshot("admin-devices");
        browser.assertNoConsoleErrors();
    }

    @Test
    void aNurseMayReadTheMembersButNotChangeThemNorTheSettings() {
        String clinic = data.organization();
        Accounts.Account nurse = accounts.member(clinic, "NURSE");
        accounts.member(clinic, "PHYSICIAN");

        browser.signIn(nurse.email(), Accounts.PASSWORD);
        browser.go("/admin/users");
        assertThat(browser.all("#members tbody tr")).hasSize(2);
        assertThat(browser.all("#members a[href^='/admin/users/']")).isEmpty();
        browser.assertNoConsoleErrors();

        browser.go("/admin/settings");
        assertThat(browser.await("main .problem").getText()).contains("Your role does not allow this");
        assertThat(browser.find("h1").getText()).isNotBlank();
        browser.screenshot("admin-forbidden");
        assertOnlyRefusals(403);
        browser.go("/admin/audit");
        browser.awaitText("Your role does not allow this");
        assertOnlyRefusals(403);
    }
}
