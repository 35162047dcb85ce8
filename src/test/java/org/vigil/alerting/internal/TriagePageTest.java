package org.vigil.alerting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.shared.Ids;
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.Browser;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;

/**
 * The triage pages over real HTTP with a web session: permission and tenant boundaries, the
 * field validation of an action, and the dashboard's cards by permission.
 */
@VigilIntegrationTest
class TriagePageTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;

    private static final Map<String, String> HTMX = Map.of("HX-Request", "true");

    @Test
    void aMemberWithoutAlertReadIsRefusedTheQueueWithAReadablePage() {
        String clinic = data.organization();
        Browser biller = signedIn(accounts.member(clinic, "BILLING_ADMIN"), clinic);

        Browser.Page page = biller.get("/triage");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.text()).contains("Your role does not allow this");
        assertThat(biller.get("/triage/list").status()).isEqualTo(403);
        assertThat(biller.get("/triage/alerts/" + Ids.newId()).status()).isEqualTo(403);

        Browser.Page dashboard = biller.get("/");
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.body()).contains("id=\"card-billing\"").doesNotContain("id=\"card-alerts\"")
                .doesNotContain("href=\"/triage\"");
    }

    @Test
    void anotherOrganizationsAlertIsNotFoundAndCannotBeActedOn() {
        String clinic = data.organization();
        String other = data.organization();
        String foreign = alert(other, "CRITICAL");
        String own = alert(clinic, "HIGH");
        Browser nurse = signedIn(accounts.member(clinic, "NURSE"), clinic);

        assertThat(nurse.get("/triage/alerts/" + own).status()).isEqualTo(200);
        Browser.Page fragment = nurse.get("/triage/alerts/" + foreign);
        assertThat(fragment.status()).isEqualTo(404);
        assertThat(fragment.text()).contains("No alert with that id exists here.").doesNotContain("MRN");
        assertThat(nurse.get("/triage?alert=" + foreign).status()).as("the page with it selected").isEqualTo(404);

        String csrf = nurse.get("/triage").csrf();
        Browser.Page claim = nurse.post("/triage/alerts/" + foreign + "/claim", Map.of("_csrf", csrf), HTMX);
        assertThat(claim.status()).isEqualTo(404);
        assertThat(data.platformString("SELECT coalesce(claimed_by_id, 'none') FROM alerts WHERE id = ?", foreign))
                .isEqualTo("none");
        Browser.Page queue = nurse.get("/triage");
        assertThat(queue.body()).contains(own).doesNotContain(foreign);
    }

    @Test
    void aResolutionWithoutNoteIsRefusedNextToTheFieldAndChangesNothing() {
        String clinic = data.organization();
        String id = alert(clinic, "HIGH");
        Browser nurse = signedIn(accounts.member(clinic, "NURSE"), clinic);
        String csrf = nurse.get("/triage").csrf();
        assertThat(nurse.post("/triage/alerts/" + id + "/acknowledge", Map.of("_csrf", csrf), HTMX).status())
                .isEqualTo(200);

        Browser.Page refused = nurse.post("/triage/alerts/" + id + "/resolve",
                Map.of("_csrf", csrf, "resolutionNotes", "  ", "actionTaken", "Called the patient",
                        "minutesSpent", "ten"), HTMX);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("data-field=\"resolutionNotes\"", "Required.")
                .contains("data-field=\"minutesSpent\"").doesNotContain("data-field=\"actionTaken\"");
        assertThat(data.platformString("SELECT status FROM alerts WHERE id = ?", id)).isEqualTo("ACKNOWLEDGED");

        Browser.Page stale = nurse.post("/triage/alerts/" + id + "/resolve", Map.of("_csrf", csrf, "version", "0",
                "resolutionNotes", "BP rechecked, normal", "actionTaken", "Called the patient"), HTMX);
        assertThat(stale.status()).as("an older version of the alert").isEqualTo(412);

        Browser.Page resolved = nurse.post("/triage/alerts/" + id + "/resolve", Map.of("_csrf", csrf,
                "resolutionNotes", "BP rechecked, normal", "actionTaken", "Called the patient"), HTMX);
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.headers().firstValue("HX-Trigger").orElse("")).contains("triage-changed");
        assertThat(resolved.body()).contains("id=\"panel-closed\"");
        assertThat(data.platformString("SELECT status FROM alerts WHERE id = ?", id)).isEqualTo("RESOLVED");
        assertThat(nurse.get("/triage").body()).doesNotContain(id);
    }

    @Test
    void unknownFilterValuesAreABadRequestPageNotAnError() {
        String clinic = data.organization();
        Browser nurse = signedIn(accounts.member(clinic, "NURSE"), clinic);
        Browser.Page page = nurse.get("/triage?severity=URGENT");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains("severity");
        assertThat(nurse.get("/triage?cursor=nonsense").status()).isEqualTo(400);
        assertThat(nurse.get("/triage?severity=HIGH&claimed=unclaimed&slaBreached=true").status()).isEqualTo(200);
    }

    /** An open alert of a fresh patient, written directly (the rule engine is tested elsewhere). */
    private String alert(String organizationId, String severity) {
        String patient = data.patient(organizationId, "MRN-" + Ids.newId().substring(0, 8));
        String id = Ids.newId();
        data.platformUpdate("INSERT INTO alerts (id, organization_id, patient_id, rule_id, severity, priority, message, "
                + "sla_breach_time) VALUES (?, ?, ?, ?, ?, 5, 'Test rule: systolic 185 mmHg', now() + interval '1 hour')",
                id, organizationId, patient, data.alertRule(organizationId), severity);
        return id;
    }

    @Test
    void savedViewsAreTheMembersOwnOrSharedNamedUniquelyAndBulkNeedsAlertWork() {
        String clinic = data.organization();
        Api api = new Api(port);
        String colleague = accounts.signIn(api, accounts.member(clinic, "PHYSICIAN"), clinic);
        String privateView = created(api.post("/api/v1/saved-views", Api.json(Map.of("name", "Mine only",
                "viewType", "TRIAGE_QUEUE", "filters", Map.of("claimed", "me"))), colleague));
        String sharedView = created(api.post("/api/v1/saved-views", Api.json(Map.of("name", "Everyone's critical",
                "viewType", "TRIAGE_QUEUE", "filters", Map.of("severity", java.util.List.of("CRITICAL")),
                "isShared", true)), colleague));
        Browser nurse = signedIn(accounts.member(clinic, "NURSE"), clinic);

        Browser.Page queue = nurse.get("/triage");
        assertThat(queue.body()).contains("Everyone&#39;s critical (shared)").doesNotContain("Mine only");
        assertThat(nurse.get("/triage?applyView=" + privateView).status()).as("another member's private view")
                .isEqualTo(404);
        Browser.Page applied = nurse.get("/triage?applyView=" + sharedView);
        assertThat(applied.location()).endsWith("/triage?severity=CRITICAL&view=" + sharedView);

        String csrf = queue.csrf();
        Browser.Page saved = nurse.post("/triage/views", Map.of("_csrf", csrf, "name", "Past SLA", "slaBreached", "true",
                "patient", "ignored"), HTMX);
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body()).contains("Past SLA");
        assertThat(data.platformString("SELECT filters::text FROM saved_views WHERE name = 'Past SLA'"))
                .isEqualTo("{\"slaBreached\": true}");
        Browser.Page again = nurse.post("/triage/views", Map.of("_csrf", csrf, "name", " Past SLA "), HTMX);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body()).contains("data-field=\"name\"", "You already have a saved view with this name.");
        assertThat(nurse.post("/triage/views", Map.of("_csrf", csrf, "name", "Odd", "status", "LOST"), HTMX).status())
                .as("a filter the queue does not offer").isEqualTo(400);

        Browser researcher = signedIn(accounts.member(clinic, "RESEARCHER"), clinic);
        String id = alert(clinic, "HIGH");
        Browser.Page refused = researcher.post("/triage/bulk", Map.of("_csrf", researcher.get("/").csrf(),
                "action", "CLAIM", "alertIds", id), HTMX);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(data.platformString("SELECT coalesce(claimed_by_id, 'none') FROM alerts WHERE id = ?", id))
                .isEqualTo("none");
    }

    private static String created(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private Browser signedIn(Accounts.Account account, String organizationId) {
        Browser browser = new Browser(port);
        Browser.Page login = browser.get("/login");
        Browser.Page after = browser.follow(browser.post("/login", Map.of("email", account.email(), "password",
                Accounts.PASSWORD, "_csrf", login.csrf())));
        assertThat(after.body()).contains("Signed in as");
        return browser;
    }
}
