package org.vigil.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.Browser;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import org.vigil.tenancy.PlatformScope;

/**
 * The web UI's session over real HTTP: sign-in with CSRF protection, a new session id at sign-in,
 * cookie flags, the second factor, sign-out, organization switching, MFA enrolment when the
 * organization requires it, the live membership check, and the API refusing the cookie.
 */
@VigilIntegrationTest
class WebSessionTest {

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
    Accounts.Account nurse;
    Browser browser;

    @BeforeEach
    void aNurseOfAClinic() {
        clinic = data.organization();
        nurse = accounts.member(clinic, "NURSE");
        browser = new Browser(port);
    }

    private Browser.Page signIn(Browser browser, Accounts.Account account, String password) {
        Browser.Page login = browser.get("/login");
        return browser.post("/login", Map.of("email", account.email(), "password", password, "_csrf", login.csrf()));
    }

    private int audited(String userId, String action, String reason) {
        return platform.call(null, "test check", () -> jdbc.queryForObject(
                "SELECT count(*) FROM audit_logs WHERE user_id = ? AND action = ? "
                        + "AND (?::text IS NULL OR details ->> 'reason' = ?)", Integer.class, userId, action, reason, reason));
    }

    @Test
    void theSignInPageCarriesACsrfTokenSecurityHeadersAndNoSingleSignOnWithoutProviders() {
        Browser.Page login = browser.get("/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.csrf()).isNotBlank();
        assertThat(login.body()).contains("<label for=\"email\">", "<label for=\"password\">")
                .doesNotContain("Sign in with", "/oauth2/authorization/");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "form-action 'self'");
        assertThat(login.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.setCookies()).anySatisfy(cookie -> assertThat(cookie).startsWith("VIGIL_SESSION=")
                .contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure"));
    }

    @Test
    void signingInWithoutTheCsrfTokenIsRefusedAndStartsNoSession() {
        Browser.Page refused = browser.post("/login", Map.of("email", nurse.email(), "password", Accounts.PASSWORD));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.setCookies()).noneMatch(cookie -> cookie.startsWith("VIGIL_SESSION="));
        assertThat(browser.cookie("VIGIL_SESSION")).isNull();

        browser.get("/login"); // a session with a token, which the next request does not send
        Browser.Page withoutToken = browser.post("/login", Map.of("email", nurse.email(), "password", Accounts.PASSWORD));
        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(browser.get("/").redirectsTo("/login")).as("not signed in").isTrue();
        assertThat(audited(nurse.userId(), "LOGIN_SUCCESS", null)).isZero();
    }

    @Test
    void signingInGivesANewSessionIdAndLandsOnTheHomePage() {
        Browser.Page login = browser.get("/login");
        String before = browser.cookie("VIGIL_SESSION");
        assertThat(before).isNotNull();
        Browser.Page signedIn = browser.post("/login",
                Map.of("email", nurse.email(), "password", Accounts.PASSWORD, "_csrf", login.csrf()));
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.redirectsTo("/")).isTrue();
        String after = browser.cookie("VIGIL_SESSION");
        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(signedIn.setCookies()).anySatisfy(cookie -> assertThat(cookie).startsWith("VIGIL_SESSION=")
                .contains("HttpOnly", "SameSite=Lax"));

        Browser.Page home = browser.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.text()).contains("Signed in as", nurse.email(), "Clinic " + clinic, "NURSE");
        assertThat(home.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(audited(nurse.userId(), "LOGIN_SUCCESS", "PASSWORD")).isOne();

        Browser planted = new Browser(port);
        planted.setCookie("VIGIL_SESSION", before);
        assertThat(planted.get("/").redirectsTo("/login")).as("the pre-sign-in session id is worthless").isTrue();
    }

    @Test
    void aWrongPasswordShowsAMessageAndIsAuditedAndMissingFieldsAreNamed() {
        Browser.Page wrong = signIn(browser, nurse, "not the password at all");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.text()).contains("The email or password is incorrect");
        assertThat(wrong.body()).contains("value=\"" + nurse.email() + "\"").doesNotContain("not the password at all");
        assertThat(audited(nurse.userId(), "LOGIN_FAILURE", "BAD_PASSWORD")).isOne();

        Browser.Page missing = browser.post("/login", Map.of("email", "", "_csrf", wrong.csrf()));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("id=\"email-error\"", "Enter your email address.", "id=\"password-error\"",
                "Enter your password.", "aria-describedby=\"email-error\"");
        assertThat(browser.get("/").redirectsTo("/login")).isTrue();
    }

    @Test
    void pagesRedirectToSignInAndTheApiStillAnswers401() {
        assertThat(browser.get("/").redirectsTo("/login")).isTrue();
        assertThat(browser.get("/account").redirectsTo("/login")).isTrue();
        Browser.Page api = browser.get("/api/v1/auth/me");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(new Api(port).get("/actuator/health", null).status()).isEqualTo(200);
    }

    @Test
    void theSessionCookieNeverAuthenticatesAnApiRequest() {
        assertThat(signIn(browser, nurse, Accounts.PASSWORD).redirectsTo("/")).isTrue();
        assertThat(browser.get("/").status()).isEqualTo(200);

        Browser.Page me = browser.get("/api/v1/auth/me");
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        Browser.Page write = browser.post("/api/v1/auth/switch-organization", Map.of("organizationId", clinic));
        assertThat(write.status()).isEqualTo(401);
        assertThat(me.setCookies()).as("the API never touches the session").isEmpty();
    }

    @Test
    void signingOutNeedsTheCsrfTokenAndEndsTheSession() {
        signIn(browser, nurse, Accounts.PASSWORD);
        Browser.Page home = browser.get("/");
        String session = browser.cookie("VIGIL_SESSION");

        assertThat(browser.post("/logout", Map.of()).status()).isEqualTo(403);
        assertThat(browser.get("/").status()).as("still signed in").isEqualTo(200);

        Browser.Page signedOut = browser.post("/logout", Map.of("_csrf", home.csrf()));
        assertThat(signedOut.redirectsTo("/login?m=signed-out")).isTrue();
        assertThat(browser.follow(signedOut).text()).contains("You have signed out.");
        assertThat(audited(nurse.userId(), "LOGOUT", "WEB_SESSION")).isOne();

        Browser replay = new Browser(port);
        replay.setCookie("VIGIL_SESSION", session);
        assertThat(replay.get("/").redirectsTo("/login")).as("the old cookie no longer works").isTrue();
    }

    @Test
    void aDeactivatedMembershipEndsTheSessionAtOnce() {
        signIn(browser, nurse, Accounts.PASSWORD);
        assertThat(browser.get("/").status()).isEqualTo(200);

        data.platformUpdate("UPDATE user_organizations SET is_active = false WHERE user_id = ?", nurse.userId());
        assertThat(browser.get("/").redirectsTo("/login?m=session-ended")).isTrue();
        assertThat(audited(nurse.userId(), "SESSION_ENDED", "NO_ACTIVE_MEMBERSHIP")).isOne();

        data.platformUpdate("UPDATE user_organizations SET is_active = true WHERE user_id = ?", nurse.userId());
        assertThat(browser.get("/").redirectsTo("/login")).as("the session was ended, not only this request").isTrue();
    }

    @Test
    void anAccountLockOrAPasswordChangeAfterSignInEndsTheSession() {
        signIn(browser, nurse, Accounts.PASSWORD);
        Browser other = new Browser(port);
        signIn(other, nurse, Accounts.PASSWORD);
        assertThat(browser.get("/").status()).isEqualTo(200);

        data.platformUpdate("UPDATE users SET locked_until = now() + interval '15 minutes' WHERE id = ?", nurse.userId());
        assertThat(browser.get("/").redirectsTo("/login?m=session-ended")).isTrue();
        assertThat(audited(nurse.userId(), "SESSION_ENDED", "ACCOUNT_LOCKED")).isOne();

        data.platformUpdate("UPDATE users SET locked_until = NULL, password_changed_at = now() WHERE id = ?",
                nurse.userId());
        assertThat(other.get("/").redirectsTo("/login?m=session-ended")).as("signed in before the change").isTrue();
        assertThat(audited(nurse.userId(), "SESSION_ENDED", "PASSWORD_CHANGED")).isOne();
        Browser fresh = new Browser(port);
        signIn(fresh, nurse, Accounts.PASSWORD);
        assertThat(fresh.get("/").status()).as("a sign-in after the change works").isEqualTo(200);
    }

    @Test
    void aRoleChangeTakesEffectOnTheNextRequest() {
        signIn(browser, nurse, Accounts.PASSWORD);
        assertThat(browser.get("/").text()).contains("as NURSE");
        data.platformUpdate("UPDATE user_organizations SET role = 'PHYSICIAN' WHERE user_id = ?", nurse.userId());
        assertThat(browser.get("/").text()).contains("as PHYSICIAN");
    }

    @Test
    void anAccountWithMfaEntersItsSecondFactorOnItsOwnPage() {
        String secret = MfaFixture.enrol(new Api(port), accounts, nurse, clinic);
        Browser.Page password = signIn(browser, nurse, Accounts.PASSWORD);
        assertThat(password.redirectsTo("/login/mfa")).isTrue();
        assertThat(browser.get("/").redirectsTo("/login")).as("not signed in before the second factor").isTrue();

        Browser.Page form = browser.get("/login/mfa");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("<label for=\"code\">").doesNotContain("eyJ"); // the ticket stays on the server
        Browser.Page wrong = browser.post("/login/mfa", Map.of("code", "000000", "_csrf", form.csrf()));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.text()).contains("The code is wrong or was already used");
        assertThat(audited(nurse.userId(), "MFA_FAILURE", "BAD_CODE")).isOne();

        Browser.Page right = browser.post("/login/mfa", Map.of("code", MfaFixture.currentCode(secret), "_csrf", wrong.csrf()));
        assertThat(right.redirectsTo("/")).isTrue();
        assertThat(browser.get("/").text()).contains("Signed in as", nurse.email());
        assertThat(audited(nurse.userId(), "LOGIN_SUCCESS", "PASSWORD_AND_TOTP")).isOne();
    }

    @Test
    void repeatedWrongCodesLockTheAccountAsInTheApi() {
        String secret = MfaFixture.enrol(new Api(port), accounts, nurse, clinic);
        signIn(browser, nurse, Accounts.PASSWORD);
        String csrf = browser.get("/login/mfa").csrf();
        for (int attempt = 0; attempt < 5; attempt++) {
            Browser.Page wrong = browser.post("/login/mfa", Map.of("code", "00000" + attempt, "_csrf", csrf));
            assertThat(wrong.status()).isEqualTo(401);
            csrf = wrong.csrf();
        }
        assertThat(audited(nurse.userId(), "ACCOUNT_LOCKED", null)).isOne();
        Browser.Page locked = browser.post("/login/mfa", Map.of("code", MfaFixture.currentCode(secret), "_csrf", csrf));
        assertThat(locked.status()).as("locked: even the right code is refused").isEqualTo(401);
    }

    @Test
    void aMemberSwitchesOnlyToTheirOwnActiveOrganizations() {
        String hospital = data.organization();
        data.membership(hospital, nurse.userId(), "CLINICIAN");
        String foreign = data.organization();
        signIn(browser, nurse, Accounts.PASSWORD);
        Browser.Page home = browser.get("/");
        assertThat(home.body()).contains("value=\"" + hospital + "\"", "value=\"" + clinic + "\"")
                .doesNotContain(foreign);

        Browser.Page switched = browser.post("/session/organization", Map.of("organizationId", hospital, "_csrf", home.csrf()));
        assertThat(switched.redirectsTo("/")).isTrue();
        Browser.Page there = browser.get("/");
        assertThat(there.text()).contains("in organization Clinic " + hospital, "as CLINICIAN");
        assertThat(audited(nurse.userId(), "ORGANIZATION_SWITCHED", null)).isOne();

        Browser.Page refused = browser.post("/session/organization", Map.of("organizationId", foreign, "_csrf", there.csrf()));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.text()).contains("You are not an active member of that organization.");
        assertThat(browser.get("/").text()).contains("in organization Clinic " + hospital);
        assertThat(browser.post("/session/organization", Map.of("organizationId", clinic)).status())
                .as("CSRF-protected").isEqualTo(403);
    }

    @Test
    void anOrganizationThatRequiresMfaSendsItsMemberToEnrolFirst() {
        data.platformUpdate("UPDATE organizations SET settings = '{\"mfaRequired\": true}'::jsonb WHERE id = ?", clinic);
        assertThat(signIn(browser, nurse, Accounts.PASSWORD).redirectsTo("/")).isTrue();
        assertThat(browser.get("/").redirectsTo("/mfa/enrolment")).isTrue();
        assertThat(browser.get("/account").redirectsTo("/mfa/enrolment")).isTrue();

        Browser.Page intro = browser.get("/mfa/enrolment");
        assertThat(intro.status()).isEqualTo(200);
        Browser.Page started = browser.post("/mfa/enrolment", Map.of("_csrf", intro.csrf()));
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.body()).contains("src=\"data:image/png;base64,");
        String secret = started.body().replaceAll("(?s).*<code id=\"secret\">([A-Z2-7]+)</code>.*", "$1");
        TotpService totp = new TotpService("Vigil");
        Browser.Page confirmed = browser.post("/mfa/enrolment/confirm", Map.of(
                "code", totp.code(secret, TotpService.stepAt(Instant.now())), "_csrf", started.csrf()));
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.text()).contains("Two-factor authentication is on.", "Your backup codes");
        assertThat(browser.get("/").status()).as("enrolled: the organization admits the member").isEqualTo(200);
    }
}
