package org.vigil.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
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
import tools.jackson.databind.JsonNode;

/**
 * The organization's branding: set through the settings API or the settings page, validated in
 * both (a #rrggbb colour, a data:image logo), served as {@code /branding.css} to the signed-in
 * organization only, cached per version, and shown in every page's banner.
 */
@VigilIntegrationTest
class BrandingTest {

    static final String SETTINGS = "/api/v1/organization/settings";
    static final String PNG = "data:image/png;base64,"
            + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;

    Api api;
    String clinic;
    Accounts.Account admin;
    String adminToken;

    @BeforeEach
    void anAdministrator() {
        api = new Api(port);
        clinic = data.organization();
        admin = accounts.member(clinic, "ORG_ADMIN");
        adminToken = accounts.signIn(api, admin, clinic);
    }

    private static Map<String, Object> settings(Map<String, Object> branding) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timeZone", "America/Chicago");
        body.put("slaMinutes", Map.of("LOW", 1440, "MEDIUM", 480, "HIGH", 120, "CRITICAL", 30));
        body.put("billingProgramsOffered", List.of("RPM"));
        body.put("mfaRequired", false);
        if (branding != null) {
            body.put("branding", branding);
        }
        return body;
    }

    private Browser signedIn(Accounts.Account account) {
        Browser browser = new Browser(port);
        Browser.Page login = browser.get("/login");
        Browser.Page signedIn = browser.post("/login", Map.of("email", account.email(), "password", Accounts.PASSWORD,
                "_csrf", login.csrf()));
        assertThat(signedIn.redirectsTo("/")).as("signed in").isTrue();
        return browser;
    }

    @Test
    void theApiSavesTheBrandingAndTheStylesheetAndBannerShowIt() {
        String etag = api.get(SETTINGS, adminToken).header("ETag");
        Api.Response saved = api.put(SETTINGS, Api.json(settings(Map.of("primaryColor", "#0B6E4F", "logoUrl", PNG))),
                adminToken, etag);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("branding").get("primaryColor").asString()).isEqualTo("#0b6e4f");
        assertThat(saved.json().get("branding").get("logoUrl").asString()).isEqualTo(PNG);

        Browser browser = signedIn(admin);
        Browser.Page css = browser.get("/branding.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
        assertThat(css.body()).isEqualTo(":root { --brand: #0b6e4f; --brand-text: #fff; }\n");
        String cssTag = css.headers().firstValue("ETag").orElseThrow();
        assertThat(css.headers().firstValue("Cache-Control").orElse("")).contains("private");
        Browser.Page again = browser.post("/branding.css", Map.of()); // not a GET: refused, never served
        assertThat(again.status()).isNotEqualTo(200);

        Browser.Page page = browser.get("/admin");
        assertThat(page.body()).contains("<link rel=\"stylesheet\" href=\"/branding.css\">")
                .contains("<img class=\"logo\" src=\"" + PNG + "\"");
        assertThat(page.body().indexOf("/branding.css")).as("after vigil.css").isGreaterThan(page.body().indexOf("/css/vigil.css"));

        // a light colour gets dark text; the stylesheet's ETag moves with the settings' version
        String next = api.get(SETTINGS, adminToken).header("ETag");
        Api.Response light = api.put(SETTINGS, Api.json(settings(Map.of("primaryColor", "#f2d600"))), adminToken, next);
        assertThat(light.status()).isEqualTo(200);
        Browser.Page lightCss = browser.get("/branding.css");
        assertThat(lightCss.body()).isEqualTo(":root { --brand: #f2d600; --brand-text: #1b1f23; }\n");
        assertThat(lightCss.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(cssTag);

        // a request without branding keeps it (clients that predate it)
        Api.Response kept = api.put(SETTINGS, Api.json(settings(null)), adminToken, light.header("ETag"));
        assertThat(kept.status()).isEqualTo(200);
        assertThat(kept.json().get("branding").get("primaryColor").asString()).isEqualTo("#f2d600");

        // another organization's member sees none of it
        String other = data.organization();
        Browser outsider = signedIn(accounts.member(other, "NURSE"));
        assertThat(outsider.get("/branding.css").body()).doesNotContain("#f2d600").doesNotContain("--brand:");
    }

    @Test
    void anInvalidColourOrLogoIsRefusedByTheApiNamingTheField() {
        String etag = api.get(SETTINGS, adminToken).header("ETag");
        Api.Response refused = api.put(SETTINGS, Api.json(settings(Map.of(
                "primaryColor", "red; } body { background: url(https://evil.example/x)",
                "logoUrl", "https://cdn.example.com/logo.png"))), adminToken, etag);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode errors = refused.json().get("errors");
        assertThat(errors.toString()).contains("branding.primaryColor", "#rrggbb", "branding.logoUrl", "data:image/png");
        Api.Response notPng = api.put(SETTINGS, Api.json(settings(Map.of("logoUrl",
                "data:image/png;base64,PHN2Zz48L3N2Zz4="))), adminToken, etag);
        assertThat(notPng.status()).as("an SVG claiming to be a PNG").isEqualTo(400);
        Api.Response svg = api.put(SETTINGS, Api.json(settings(Map.of("logoUrl",
                "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4="))), adminToken, etag);
        assertThat(svg.status()).as(svg.body()).isEqualTo(200);
        assertThat(api.get(SETTINGS, adminToken).json().get("branding").get("primaryColor").isNull()).isTrue();
    }

    @Test
    void theOpenApiDocumentDescribesTheBranding() {
        JsonNode schemas = api.get("/v3/api-docs", null).json().get("components").get("schemas");
        assertThat(schemas.get("SettingsRequest").get("properties").get("branding").toString()).contains("Branding");
        assertThat(schemas.get("Branding").toString()).contains("primaryColor", "#rrggbb", "logoUrl", "data:image/png",
                "content security policy");
    }

    @Test
    void theSettingsPageShowsEachMessageNextToItsFieldAndRefusesAStaleForm() {
        Browser browser = signedIn(admin);
        Browser.Page form = browser.get("/admin/settings");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).containsPattern("name=\"slaHIGH\"\\s+value=\"120\"").contains("name=\"timeZone\"");
        String version = value(form.body(), "version");
        Map<String, String> fields = new LinkedHashMap<>(Map.of("_csrf", form.csrf(), "version", version,
                "timeZone", "America/Denver", "slaLOW", "1440", "slaMEDIUM", "480", "slaHIGH", "abc",
                "slaCRITICAL", "30", "primaryColor", "blue", "logoUrl", "https://cdn.example.com/logo.png"));
        Browser.Page refused = browser.post("/admin/settings", fields);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"primaryColor-error\"", "must be a colour written #rrggbb")
                .contains("id=\"logoUrl-error\"", "content security policy")
                .contains("id=\"slaHIGH-error\"", "must be a whole number of minutes");
        assertThat(browser.get("/branding.css").body()).doesNotContain("--brand:");

        fields.put("slaHIGH", "60");
        fields.put("primaryColor", "#A4001D");
        fields.put("logoUrl", PNG);
        Browser.Page saved = browser.post("/admin/settings", fields);
        assertThat(saved.redirectsTo("/admin/settings?m=saved")).as(saved.body()).isTrue();
        assertThat(browser.get("/branding.css").body()).contains("--brand: #a4001d; --brand-text: #fff;");
        assertThat(api.get(SETTINGS, adminToken).json().get("slaMinutes").get("HIGH").asInt()).isEqualTo(60);

        // the same form again: its version is stale now
        fields.put("primaryColor", "#000000");
        Browser.Page stale = browser.post("/admin/settings", fields);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone else changed the settings");
        assertThat(browser.get("/branding.css").body()).contains("#a4001d");
    }

    private static String value(String html, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("field " + name).isTrue();
        return m.group(1);
    }
}
