package org.vigil.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.shared.Ids;
import org.vigil.support.RealBrowser;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;

/**
 * In a real browser: a member turns on two-factor authentication (QR code, key, confirmation,
 * backup codes), signs out, and signs in again with password and a code from the authenticator.
 */
@VigilIntegrationTest
class SignInBrowserTest {

    private static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;

    private final TotpService totp = new TotpService("Vigil");
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

    @Test
    void enrolInTwoFactorAuthenticationThenSignInWithACode() {
        String email = "browser." + Ids.newId() + "@clinic.test";
        String organization = data.organization();
        data.membership(organization, data.userWithPassword(email, PASSWORD), "NURSE");

        browser.go("/login");
        browser.screenshot("sign-in");
        browser.assertNoConsoleErrors();
        browser.signIn(email, PASSWORD);
        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.find("#signed-in-as").getText()).contains(email, "NURSE");
        browser.assertNoConsoleErrors();

        browser.go("/account").click("a[href='/mfa/enrolment']");
        browser.click("form[action='/mfa/enrolment'] button[type=submit]");
        String secret = browser.await("#secret").getText();
        assertThat(browser.find("img[alt^='QR code']").getAttribute("src")).startsWith("data:image/png;base64,");
        browser.screenshot("mfa-enrolment");
        long step = TotpService.stepAt(Instant.now());
        browser.type("#code", totp.code(secret, step)).click("form[action='/mfa/enrolment/confirm'] button");
        browser.awaitText("Two-factor authentication is on.");
        assertThat(browser.all("ul.codes li")).hasSize(10);
        browser.screenshot("mfa-backup-codes");
        browser.assertNoConsoleErrors();

        browser.click("form[action='/logout'] button");
        browser.awaitText("You have signed out.");
        browser.go("/login").type("#email", email).type("#password", PASSWORD)
                .click("form[action='/login'] button[type=submit]");
        browser.await("#code");
        assertThat(browser.path()).isEqualTo("/login/mfa");
        browser.type("#code", "000000").click("form[action='/login/mfa'] button");
        browser.awaitText("The code is wrong or was already used");
        assertThat(browser.consoleErrors()).as("only the refused code's 401 answer")
                .allMatch(error -> error.contains("/login/mfa") && error.contains("401"));
        browser.type("#code", totp.code(secret, step + 1)).click("form[action='/login/mfa'] button");
        browser.await("#signed-in-as");
        assertThat(browser.path()).isEqualTo("/");
        browser.screenshot("dashboard-after-mfa");
        browser.assertNoConsoleErrors();
    }
}
