package org.vigil.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.shared.Ids;
import org.vigil.support.Accounts;
import org.vigil.support.Browser;
import org.vigil.support.TestData;
import org.vigil.support.TestMail;
import org.vigil.support.VigilIntegrationTest;

/**
 * The administration pages over HTTP with the web session: invitations (mailed, listed, withdrawn),
 * the grant ceiling on the members and invitations pages, the audit CSV through the session and a
 * bad date shown at its field, the device registry's permissions and refusals, and editing an
 * organization's copy of a standard metric (standard items refuse changes).
 */
@VigilIntegrationTest
class AdminPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;
    @Autowired
    GreenMail mail;

    String clinic;
    Accounts.Account admin;

    @BeforeEach
    void aClinicWithAnAdministrator() {
        clinic = data.organization();
        admin = accounts.member(clinic, "ORG_ADMIN");
    }

    private Browser signedIn(Accounts.Account account) {
        Browser browser = new Browser(port);
        Browser.Page login = browser.get("/login");
        assertThat(browser.post("/login", Map.of("email", account.email(), "password", Accounts.PASSWORD,
                "_csrf", login.csrf())).redirectsTo("/")).as("signed in").isTrue();
        return browser;
    }

    private static Map<String, String> form(Browser browser, String... pairs) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("_csrf", browser.get("/admin").csrf());
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    @Test
    void invitationsAreMailedListedAndWithdrawn() {
        Browser browser = signedIn(admin);
        String email = "invitee." + Ids.newId() + "@clinic.test";
        Browser.Page bad = browser.post("/admin/invitations", form(browser, "email", "not an address", "role", "NURSE"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"email-error\"", "Enter an email address");

        Browser.Page sent = browser.post("/admin/invitations", form(browser, "email", email, "role", "NURSE"));
        assertThat(sent.redirectsTo("/admin/invitations?m=sent")).as(sent.body()).isTrue();
        assertThat(TestMail.to(mail, email)).hasSize(1);
        Browser.Page list = browser.get("/admin/invitations?m=sent");
        assertThat(list.body()).contains(email, "The invitation was sent.");
        java.util.regex.Matcher withdraw = java.util.regex.Pattern
                .compile("action=\"(/admin/invitations/[^/\"]+/withdraw)\"").matcher(list.body());
        assertThat(withdraw.find()).isTrue();
        assertThat(browser.post(withdraw.group(1), form(browser)).redirectsTo("/admin/invitations?m=withdrawn")).isTrue();
        assertThat(browser.get("/admin/invitations").body()).doesNotContain(email);
        assertThat(browser.post(withdraw.group(1), form(browser)).status()).as("already withdrawn").isEqualTo(404);
    }

    @Test
    void aMemberManagerWithoutAdministrativePowersCannotGiveThem() {
        Accounts.Account manager = accounts.member(clinic, "NURSE");
        data.platformUpdate("UPDATE user_organizations SET permissions = ARRAY['MEMBER_MANAGE'] WHERE user_id = ?",
                manager.userId());
        Accounts.Account nurse = accounts.member(clinic, "NURSE");
        Browser browser = signedIn(manager);

        Browser.Page auditor = browser.post("/admin/invitations", form(browser, "email",
                "auditor." + Ids.newId() + "@clinic.test", "role", "AUDITOR"));
        assertThat(auditor.status()).isEqualTo(403);
        assertThat(auditor.body()).contains("id=\"invite-problem\"", "Only someone who holds member management");

        Browser.Page grant = browser.post("/admin/users/" + nurse.userId(), form(browser, "role", "NURSE",
                "active", "true", "permissions", "AUDIT_READ"));
        assertThat(grant.status()).isEqualTo(403);
        assertThat(grant.body()).contains("id=\"member-problem\"", "Only someone who holds member management");
        assertThat(data.platformString("SELECT array_to_string(permissions, ',') FROM user_organizations "
                + "WHERE user_id = ?", nurse.userId())).isEmpty();

        Browser.Page allowed = browser.post("/admin/users/" + nurse.userId(), form(browser, "role", "NURSE",
                "active", "true", "permissions", "BILLING_READ"));
        assertThat(allowed.redirectsTo("/admin/users?saved=" + nurse.userId())).as(allowed.body()).isTrue();
        assertThat(browser.get("/admin/users").body()).contains("BILLING_READ");
    }

    @Test
    void theAuditLogExportsCsvThroughTheSessionAndNamesABadDate() {
        Accounts.Account nurse = accounts.member(clinic, "NURSE");
        Browser browser = signedIn(admin);
        browser.post("/admin/users/" + nurse.userId(), form(browser, "role", "CLINICIAN", "active", "true"));

        Browser.Page page = browser.get("/admin/audit?action=membership_changed");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("MEMBERSHIP_CHANGED", "id=\"audit-entries\"");
        Browser.Page csv = browser.get("/admin/audit.csv?action=MEMBERSHIP_CHANGED&from=2020-01-01");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("id,createdAt,userId,action").contains(",MEMBERSHIP_CHANGED,");
        assertThat(csv.body().lines().count()).isEqualTo(2);

        Browser.Page bad = browser.get("/admin/audit?from=31%2F01%2F2026");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"from-error\"", "must be a date such as 2026-01-31");
        assertThat(browser.get("/admin/audit.csv?to=yesterday").status()).isEqualTo(400);

        Browser.Page nurseAudit = signedIn(nurse).get("/admin/audit.csv");
        assertThat(nurseAudit.status()).as("a clinician holds no AUDIT_READ").isEqualTo(403);
    }

    @Test
    void devicesAreReadByAdministratorsAndRegisteredAndAssignedByCareStaff() {
        Accounts.Account nurse = accounts.member(clinic, "NURSE");
        String patient = data.patient(clinic, "MRN-" + Ids.newId());
        String serial = "SN-" + Ids.newId();

        Browser adminBrowser = signedIn(admin);
        assertThat(adminBrowser.get("/admin/devices").status()).isEqualTo(200);
        assertThat(adminBrowser.post("/admin/devices", form(adminBrowser, "vendor", "acme", "serialNumber", serial))
                .status()).as("administrators hold no OBSERVATION_WRITE").isEqualTo(403);

        Browser browser = signedIn(nurse);
        assertThat(browser.post("/admin/devices", form(browser, "vendor", "acme", "serialNumber", serial, "model", "BP-1"))
                .redirectsTo("/admin/devices?m=registered")).isTrue();
        Browser.Page again = browser.post("/admin/devices", form(browser, "vendor", "acme", "serialNumber", serial));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("id=\"devices-problem\"");
        Browser.Page list = browser.get("/admin/devices");
        assertThat(list.body()).contains(serial);
        java.util.regex.Matcher assign = java.util.regex.Pattern.compile("action=\"(/admin/devices/[^/\"]+/assign)\"")
                .matcher(list.body());
        assertThat(assign.find()).isTrue();
        Browser.Page unknown = browser.post(assign.group(1), form(browser, "patientId", "no-such-patient"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("id=\"devices-problem\"", "patientId");
        assertThat(browser.post(assign.group(1), form(browser, "patientId", patient))
                .redirectsTo("/admin/devices?m=assigned")).isTrue();
        assertThat(browser.get("/admin/devices").body()).contains("href=\"/patients/" + patient + "\"", "End assignment");
    }

    @Test
    void anOrganizationEditsItsCopyOfAStandardMetricButNeverTheStandard() {
        String standard = data.metric(null);
        Browser browser = signedIn(admin);
        Browser.Page list = browser.get("/admin/library?tab=metrics");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("/admin/library/metrics/" + standard + "/clone");

        Browser.Page refused = browser.post("/admin/library/metrics/" + standard, form(browser, "version", "0",
                "displayName", "Mine now", "normalMin", "1", "normalMax", "2"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("Standardized library items cannot be changed");

        Browser.Page cloned = browser.post("/admin/library/metrics/" + standard + "/clone", form(browser));
        assertThat(cloned.status()).isEqualTo(302);
        String copy = cloned.location().substring(cloned.location().lastIndexOf('/') + 1);
        assertThat(copy).isNotEqualTo(standard);
        Browser.Page edit = browser.get("/admin/library/metrics/" + copy);
        assertThat(edit.body()).contains("id=\"metric-form\"").doesNotContain("<fieldset disabled");
        String version = java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(edit.body())
                .results().findFirst().orElseThrow().group(1);

        Browser.Page backwards = browser.post("/admin/library/metrics/" + copy, form(browser, "version", version,
                "displayName", "Test metric", "normalMin", "200", "normalMax", "100", "active", "true"));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("id=\"normalMax-error\"", "must not be below the minimum");
        Browser.Page notANumber = browser.post("/admin/library/metrics/" + copy, form(browser, "version", version,
                "displayName", "Test metric", "normalMin", "ten", "active", "true"));
        assertThat(notANumber.body()).contains("id=\"normalMin-error\"", "must be a number");

        Browser.Page saved = browser.post("/admin/library/metrics/" + copy, form(browser, "version", version,
                "displayName", "Test metric", "normalMin", "60", "normalMax", "100", "active", "true"));
        assertThat(saved.redirectsTo("/admin/library/metrics/" + copy + "?m=saved")).as(saved.body()).isTrue();
        assertThat(data.platformString("SELECT normal_max::text FROM metric_definitions WHERE id = ?", copy))
                .startsWith("100");
        Browser.Page stale = browser.post("/admin/library/metrics/" + copy, form(browser, "version", version,
                "displayName", "Test metric", "normalMin", "50", "normalMax", "100", "active", "true"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone else changed this item");
    }

    @Test
    void anOrganizationSavesItsCopiesOfAStandardRuleAndPreset() {
        String standardRule = data.platformString("SELECT id FROM alert_rules WHERE organization_id IS NULL "
                + "AND is_standardized AND conditions <> '{}'::jsonb ORDER BY name LIMIT 1");
        String conditions = data.platformString("SELECT conditions::text FROM alert_rules WHERE id = ?", standardRule);
        Browser browser = signedIn(admin);

        Browser.Page cloned = browser.post("/admin/library/rules/" + standardRule + "/clone", form(browser));
        assertThat(cloned.status()).as(cloned.body()).isEqualTo(302);
        String rule = cloned.location().substring(cloned.location().lastIndexOf('/') + 1);
        String version = java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"")
                .matcher(browser.get("/admin/library/rules/" + rule).body()).results().findFirst().orElseThrow().group(1);
        Browser.Page saved = browser.post("/admin/library/rules/" + rule, form(browser, "version", version,
                "name", "Our rule " + Ids.newId(), "severity", "LOW", "cooldownMinutes", "30", "conditions", conditions,
                "active", "true"));
        assertThat(saved.redirectsTo("/admin/library/rules/" + rule + "?m=saved")).as(saved.body()).isTrue();
        assertThat(data.platformString("SELECT severity || ' ' || cooldown_minutes FROM alert_rules WHERE id = ?", rule))
                .isEqualTo("LOW 30");
        assertThat(data.platformString("SELECT severity FROM alert_rules WHERE id = ?", standardRule))
                .as("the standard is untouched").isNotNull();

        String standardPreset = data.platformString("SELECT id FROM condition_presets WHERE organization_id IS NULL "
                + "AND is_standardized ORDER BY name LIMIT 1");
        Browser.Page presetCopy = browser.post("/admin/library/presets/" + standardPreset + "/clone", form(browser));
        assertThat(presetCopy.status()).as(presetCopy.body()).isEqualTo(302);
        String preset = presetCopy.location().substring(presetCopy.location().lastIndexOf('/') + 1);
        Browser.Page edit = browser.get("/admin/library/presets/" + preset);
        assertThat(edit.body()).contains("id=\"preset-form\"", "value=\"" + rule + "\"");
        String presetVersion = java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"")
                .matcher(edit.body()).results().findFirst().orElseThrow().group(1);
        Browser.Page savedPreset = browser.post("/admin/library/presets/" + preset, form(browser, "version",
                presetVersion, "name", "Our preset " + Ids.newId(), "rules", rule));
        assertThat(savedPreset.redirectsTo("/admin/library/presets/" + preset + "?m=saved")).as(savedPreset.body())
                .isTrue();
        assertThat(data.platformString("SELECT string_agg(alert_rule_id, ',') FROM condition_preset_alert_rules "
                + "WHERE condition_preset_id = ?", preset)).isEqualTo(rule);
    }
}
