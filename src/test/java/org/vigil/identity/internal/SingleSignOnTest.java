package org.vigil.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vigil.shared.Ids;
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.Browser;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import org.vigil.tenancy.PlatformScope;
import testoidc.TestOidcProvider;
import tools.jackson.databind.JsonNode;

/**
 * OpenID Connect single sign-on against a real provider (Spring Authorization Server, in-process),
 * driven like a browser over real HTTP: Vigil → provider's authorization endpoint → its login form
 * → back to Vigil's callback → session. Vigil is configured with the standard
 * {@code spring.security.oauth2.client.*} properties only. This is the one extra Spring context of
 * the suite (it needs those properties).
 */
@VigilIntegrationTest
class SingleSignOnTest {

    private static final String IDP_PASSWORD = "provider password";
    private static TestOidcProvider provider;

    @DynamicPropertySource
    static void vigilKnowsTheProvider(DynamicPropertyRegistry registry) {
        provider = TestOidcProvider.start();
        String registration = "spring.security.oauth2.client.registration." + TestOidcProvider.REGISTRATION_ID;
        registry.add(registration + ".client-id", () -> TestOidcProvider.CLIENT_ID);
        registry.add(registration + ".client-secret", () -> TestOidcProvider.CLIENT_SECRET);
        registry.add(registration + ".client-name", () -> "Test IdP");
        registry.add(registration + ".client-authentication-method", () -> "client_secret_basic");
        registry.add(registration + ".authorization-grant-type", () -> "authorization_code");
        registry.add(registration + ".scope", () -> "openid,email,profile");
        registry.add("spring.security.oauth2.client.provider." + TestOidcProvider.REGISTRATION_ID + ".issuer-uri",
                provider::issuer);
    }

    @AfterAll
    static void stopTheProvider() {
        provider.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformScope platform;

    String clinic;
    Accounts.Account alice;
    String aliceAtProvider;

    @BeforeEach
    void aMemberAndAPersonAtTheProvider() {
        clinic = data.organization();
        alice = accounts.member(clinic, "PHYSICIAN");
        aliceAtProvider = person(alice.email());
    }

    /** A new person at the provider (the subject of their ID tokens is this username). */
    private String person(String email) {
        String username = "idp-" + Ids.newId();
        provider.addUser(username, IDP_PASSWORD, email);
        return username;
    }

    private Browser signedIn(Accounts.Account account) {
        Browser browser = new Browser(port);
        Browser.Page login = browser.get("/login");
        Browser.Page signedIn = browser.post("/login",
                Map.of("email", account.email(), "password", Accounts.PASSWORD, "_csrf", login.csrf()));
        assertThat(signedIn.redirectsTo("/")).as("password sign-in of %s", account.email()).isTrue();
        return browser;
    }

    /**
     * Follows {@code start} through the provider, signing in there as {@code username} when its login
     * form appears, until Vigil's callback; returns Vigil's answer to the callback.
     */
    private Browser.Page throughProvider(Browser browser, Browser.Page start, String username) {
        Browser.Page page = start;
        String callback = "http://127.0.0.1:" + port + "/login/oauth2/code/" + TestOidcProvider.REGISTRATION_ID;
        for (int hop = 0; hop < 20; hop++) {
            if (page.status() / 100 == 3 && page.location().startsWith(callback)) {
                return browser.get(page.location());
            }
            if (page.status() / 100 == 3) {
                page = browser.get(page.location());
            } else if (page.status() == 200 && page.uri().toString().startsWith(provider.issuer() + "/login")) {
                page = browser.post(provider.issuer() + "/login",
                        Map.of("username", username, "password", IDP_PASSWORD, "_csrf", page.csrf()));
            } else {
                throw new AssertionError("unexpected " + page.status() + " at " + page.uri() + ": " + page.text());
            }
        }
        throw new AssertionError("no callback to Vigil");
    }

    private Browser.Page singleSignOn(Browser browser, String username) {
        return throughProvider(browser, browser.get("/oauth2/authorization/" + TestOidcProvider.REGISTRATION_ID), username);
    }

    private Browser.Page link(Browser browser, String username) {
        Browser.Page account = browser.get("/account");
        assertThat(account.status()).isEqualTo(200);
        Browser.Page start = browser.post("/account/linked-accounts/" + TestOidcProvider.REGISTRATION_ID,
                Map.of("_csrf", account.csrf()));
        assertThat(start.redirectsTo("/oauth2/authorization/" + TestOidcProvider.REGISTRATION_ID)).isTrue();
        return throughProvider(browser, start, username);
    }

    private void linked(Browser.Page answer) {
        assertThat(answer.redirectsTo("/account?m=linked")).as("linked, not %s", answer.location()).isTrue();
    }

    private int audited(String column, String value, String action, String reason) {
        return platform.call(null, "test check", () -> jdbc.queryForObject(
                "SELECT count(*) FROM audit_logs WHERE " + column + " = ? AND action = ? "
                        + "AND (?::text IS NULL OR details ->> 'reason' = ?)", Integer.class, value, action, reason, reason));
    }

    private List<Map<String, Object>> linksOf(String subject) {
        return platform.call(null, "test check", () -> jdbc.queryForList(
                "SELECT user_id, provider, issuer, email, last_login_at FROM social_accounts WHERE provider_id = ?", subject));
    }

    @Test
    void theSignInPageOffersTheConfiguredProvider() {
        Browser.Page login = new Browser(port).get("/login");
        assertThat(login.body()).contains("href=\"/oauth2/authorization/testidp\"", "Sign in with Test IdP");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("form-action 'self' " + provider.issuer());
    }

    @Test
    void anIdentityLinkedToNoAccountIsRefusedEvenWhenItsEmailMatchesOne() {
        Browser browser = new Browser(port);
        Browser.Page answer = singleSignOn(browser, aliceAtProvider); // same email as alice's Vigil account
        assertThat(answer.redirectsTo("/login?m=not-linked")).isTrue();
        assertThat(browser.follow(answer).text()).contains("No Vigil account is linked to this sign-in. Sign in with "
                + "your password and link it from your account page.");
        assertThat(browser.get("/").redirectsTo("/login")).as("nobody signed in").isTrue();
        assertThat(audited("ip_address", browser.address(), "SSO_LOGIN_FAILURE", "NOT_LINKED")).isOne();
        assertThat(linksOf(aliceAtProvider)).as("nothing linked automatically").isEmpty();
    }

    @Test
    void aSignedInUserLinksAnIdentityWhichThenSignsThemIn() {
        Browser.Page linked = link(signedIn(alice), aliceAtProvider);
        assertThat(linked.redirectsTo("/account?m=linked")).as(linked.location()).isTrue();
        List<Map<String, Object>> links = linksOf(aliceAtProvider);
        assertThat(links).hasSize(1);
        assertThat(links.get(0)).containsEntry("user_id", alice.userId()).containsEntry("provider", "testidp")
                .containsEntry("issuer", provider.issuer()).containsEntry("email", alice.email());
        assertThat(audited("user_id", alice.userId(), "ACCOUNT_LINKED", "PROVIDER_testidp")).isOne();

        Browser browser = new Browser(port);
        browser.get("/login");
        String before = browser.cookie("VIGIL_SESSION");
        Browser.Page answer = singleSignOn(browser, aliceAtProvider);
        assertThat(answer.redirectsTo("/")).isTrue();
        assertThat(browser.cookie("VIGIL_SESSION")).isNotEqualTo(before);
        Browser.Page home = browser.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.text()).contains("Signed in as", alice.email(), "in organization Clinic " + clinic, "as PHYSICIAN");
        assertThat(audited("user_id", alice.userId(), "SSO_LOGIN_SUCCESS", "OIDC:testidp")).isOne();
        assertThat(linksOf(aliceAtProvider).get(0).get("last_login_at")).isNotNull();
        assertThat(browser.get("/account").text()).contains("testidp", alice.email());
    }

    @Test
    void anIdentityLinkedToOneUserCannotBeLinkedByAnother() {
        linked(link(signedIn(alice), aliceAtProvider));
        Accounts.Account bob = accounts.member(clinic, "NURSE");

        Browser bobsBrowser = signedIn(bob);
        Browser.Page refused = link(bobsBrowser, aliceAtProvider);
        assertThat(refused.redirectsTo("/account?m=linked-elsewhere")).isTrue();
        assertThat(bobsBrowser.follow(refused).text()).contains("linked to another Vigil account");
        assertThat(linksOf(aliceAtProvider)).singleElement().satisfies(link ->
                assertThat(link).containsEntry("user_id", alice.userId()));
        assertThat(audited("user_id", bob.userId(), "ACCOUNT_LINK_REFUSED", "LINKED_TO_ANOTHER_USER")).isOne();
        assertThat(bobsBrowser.get("/").text()).as("bob is still himself").contains(bob.email());

        Browser browser = new Browser(port);
        singleSignOn(browser, aliceAtProvider);
        assertThat(browser.get("/").text()).contains(alice.email());
    }

    @Test
    void anAccountWithMfaStillNeedsItsSecondFactorAfterSingleSignOn() {
        linked(link(signedIn(alice), aliceAtProvider));
        String secret = MfaFixture.enrol(new Api(port), accounts, alice, clinic);

        Browser browser = new Browser(port);
        Browser.Page answer = singleSignOn(browser, aliceAtProvider);
        assertThat(answer.redirectsTo("/login/mfa")).isTrue();
        assertThat(browser.get("/").redirectsTo("/login")).as("not signed in yet").isTrue();
        Browser.Page form = browser.get("/login/mfa");
        assertThat(browser.post("/login/mfa", Map.of("code", "000000", "_csrf", form.csrf())).status()).isEqualTo(401);
        assertThat(audited("user_id", alice.userId(), "SSO_LOGIN_SUCCESS", null)).isZero();

        Browser.Page verified = browser.post("/login/mfa", Map.of("code", MfaFixture.currentCode(secret),
                "_csrf", browser.get("/login/mfa").csrf()));
        assertThat(verified.redirectsTo("/")).isTrue();
        assertThat(browser.get("/").text()).contains(alice.email());
        assertThat(audited("user_id", alice.userId(), "SSO_LOGIN_SUCCESS", "OIDC_AND_TOTP:testidp")).isOne();
        assertThat(linksOf(aliceAtProvider).get(0).get("last_login_at")).isNotNull();
    }

    @Test
    void unlinkingThroughTheApiEndsSingleSignOnAndNobodySeesOrUnlinksAnothersLink() {
        linked(link(signedIn(alice), aliceAtProvider));
        Api api = new Api(port);
        String aliceToken = accounts.signIn(api, alice, clinic);
        Accounts.Account mallory = accounts.member(clinic, "ORG_ADMIN");
        String malloryToken = accounts.signIn(api, mallory, clinic);

        Api.Response aliceList = api.get("/api/v1/auth/linked-accounts", aliceToken);
        assertThat(aliceList.status()).isEqualTo(200);
        JsonNode only = aliceList.json().get(0);
        assertThat(aliceList.json()).hasSize(1);
        assertThat(only.get("provider").asString()).isEqualTo("testidp");
        assertThat(only.get("issuer").asString()).isEqualTo(provider.issuer());
        assertThat(only.get("email").asString()).isEqualTo(alice.email());
        assertThat(only.has("subject")).isFalse();
        String linkId = only.get("id").asString();

        assertThat(api.get("/api/v1/auth/linked-accounts", malloryToken).json()).as("an admin sees only their own").isEmpty();
        Api.Response foreign = api.delete("/api/v1/auth/linked-accounts/" + linkId, malloryToken);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(linksOf(aliceAtProvider)).hasSize(1);

        assertThat(api.delete("/api/v1/auth/linked-accounts/" + linkId, aliceToken).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/auth/linked-accounts/" + linkId, aliceToken).status()).isEqualTo(404);
        assertThat(audited("user_id", alice.userId(), "ACCOUNT_UNLINKED", "PROVIDER_testidp")).isOne();
        assertThat(linksOf(aliceAtProvider)).isEmpty();

        Browser browser = new Browser(port);
        assertThat(singleSignOn(browser, aliceAtProvider).redirectsTo("/login?m=not-linked")).isTrue();
    }

    @Test
    void unlinkingOnTheAccountPageOnlyForOwnLinks() {
        Browser alicesBrowser = signedIn(alice);
        linked(link(alicesBrowser, aliceAtProvider));
        Accounts.Account bob = accounts.member(clinic, "NURSE");
        Browser bobsBrowser = signedIn(bob);
        String linkId = new Api(port).get("/api/v1/auth/linked-accounts", accounts.signIn(new Api(port), alice, clinic))
                .json().get(0).get("id").asString();

        Browser.Page bobsAttempt = bobsBrowser.post("/account/linked-accounts/" + linkId + "/unlink",
                Map.of("_csrf", bobsBrowser.get("/account").csrf()));
        assertThat(bobsAttempt.status()).isEqualTo(404);
        assertThat(linksOf(aliceAtProvider)).hasSize(1);
        assertThat(alicesBrowser.post("/account/linked-accounts/" + linkId + "/unlink", Map.of()).status())
                .as("CSRF-protected").isEqualTo(403);

        Browser.Page unlinked = alicesBrowser.post("/account/linked-accounts/" + linkId + "/unlink",
                Map.of("_csrf", alicesBrowser.get("/account").csrf()));
        assertThat(unlinked.redirectsTo("/account?m=unlinked")).isTrue();
        assertThat(linksOf(aliceAtProvider)).isEmpty();
    }

    @Test
    void aLinkedIdentityOfAnInactiveAccountSignsNobodyIn() {
        linked(link(signedIn(alice), aliceAtProvider));
        data.platformUpdate("UPDATE users SET is_active = false WHERE id = ?", alice.userId());
        Browser browser = new Browser(port);
        assertThat(singleSignOn(browser, aliceAtProvider).redirectsTo("/login?m=sso-refused")).isTrue();
        assertThat(browser.get("/").redirectsTo("/login")).isTrue();
        assertThat(audited("user_id", alice.userId(), "SSO_LOGIN_FAILURE", "INACTIVE_ACCOUNT")).isOne();
    }

    @Test
    void aForgedCallbackIsRefusedAndAudited() {
        Browser browser = new Browser(port);
        Browser.Page answer = browser.get("/login/oauth2/code/testidp?code=stolen&state=guessed");
        assertThat(answer.redirectsTo("/login?m=sso-failed")).isTrue();
        assertThat(browser.get("/").redirectsTo("/login")).isTrue();
        assertThat(audited("ip_address", browser.address(), "SSO_LOGIN_FAILURE",
                "PROVIDER_ERROR:authorization_request_not_found")).isOne();
    }
}
