package org.vigil.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.shared.Ids;
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.RealBrowser;
import org.vigil.support.TestData;
import org.vigil.support.TestMail;
import org.vigil.support.VigilIntegrationTest;

/**
 * In a real browser: a member who forgot their password asks for a link from the sign-in page,
 * follows the link from the mail, meets the password policy next to the field, sets a new
 * password and signs in with it; a newcomer follows an invitation's link, sets name and password
 * and signs in to the organization with the role they were given.
 */
@VigilIntegrationTest
class SignInPagesBrowserTest {

    private static final String OLD_PASSWORD = "correct horse battery staple";
    private static final String NEW_PASSWORD = "violet tractor oyster lantern";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;
    @Autowired
    GreenMail mail;

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

    /** The path and query of the one link to {@code path} in the last mail to {@code email}. */
    private String linkFromMail(String email, String path) {
        List<jakarta.mail.internet.MimeMessage> messages = TestMail.to(mail, email);
        assertThat(messages).isNotEmpty();
        String body = GreenMailUtil.getBody(messages.get(messages.size() - 1)).replace("=\r\n", "").replace("=3D", "=");
        Matcher link = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(path) + "\\?token=[A-Za-z0-9_-]+)").matcher(body);
        assertThat(link.find()).as("a link to %s in the mail", path).isTrue();
        return link.group(1);
    }

    @Test
    void resetAForgottenPasswordThroughTheMailedLink() {
        String email = "forgetful." + Ids.newId() + "@clinic.test";
        data.membership(data.organization(), data.userWithPassword(email, OLD_PASSWORD), "NURSE");

        browser.go("/login").click("a[href='/password-reset']");
        browser.await("form[action='/password-reset'] #email");
        browser.type("#email", email.toUpperCase()).click("form[action='/password-reset'] button[type=submit]");
        String sent = browser.await("#reset-sent").getText();
        assertThat(sent).isEqualTo(WebPasswordResetController.SENT);
        browser.assertNoConsoleErrors();
        // The same answer for an address without an account (and no mail to it).
        String nobody = "nobody." + Ids.newId() + "@clinic.test";
        browser.go("/password-reset").type("#email", nobody).click("form[action='/password-reset'] button[type=submit]");
        assertThat(browser.await("#reset-sent").getText()).isEqualTo(sent);
        assertThat(TestMail.to(mail, nobody)).isEmpty();

        browser.go(linkFromMail(email, "/password-reset/confirm"));
        browser.await("#newPassword");
        browser.type("#newPassword", "password1234").type("#confirmPassword", "password1234")
                .click("form[action='/password-reset/confirm'] button[type=submit]");
        browser.await("#newPassword-error");
        assertThat(browser.find("#newPassword-error").getText()).contains("Password is too common");
        assertThat(browser.find("#newPassword").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#newPassword").getAttribute("aria-describedby")).contains("newPassword-error");
        browser.screenshot("password-reset");
        assertThat(browser.consoleErrors()).as("only the refused password's 400 answer")
                .allMatch(error -> error.contains("/password-reset/confirm") && error.contains("400"));

        browser.type("#newPassword", NEW_PASSWORD).type("#confirmPassword", NEW_PASSWORD)
                .click("form[action='/password-reset/confirm'] button[type=submit]");
        browser.awaitText("Your password has been changed.");
        assertThat(browser.path()).isEqualTo("/login");
        browser.assertNoConsoleErrors();
        browser.signIn(email, NEW_PASSWORD);
        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.find("#signed-in-as").getText()).contains(email);
        browser.assertNoConsoleErrors();
    }

    @Test
    void acceptAnInvitationAsANewcomerThenSignIn() {
        String clinic = data.organization();
        Api api = new Api(port);
        String admin = accounts.signIn(api, accounts.member(clinic, "ORG_ADMIN"), clinic);
        String email = "newcomer." + Ids.newId() + "@clinic.test";
        assertThat(api.post("/api/v1/invitations", Api.json(Map.of("email", email, "role", "CARE_COORDINATOR")), admin)
                .status()).isEqualTo(201);

        browser.go(linkFromMail(email, "/invitations/accept"));
        browser.await("#invitation-summary");
        assertThat(browser.find("#invitation-summary").getText()).contains("Clinic " + clinic, "care coordinator", email);
        browser.type("#firstName", "Ines").type("#lastName", "Invited").type("#password", NEW_PASSWORD)
                .type("#confirmPassword", NEW_PASSWORD);
        browser.screenshot("invitation");
        browser.assertNoConsoleErrors();
        browser.click("form[action='/invitations/accept'] button[type=submit]");
        browser.awaitText("You have joined the organization.");
        assertThat(browser.path()).isEqualTo("/login");
        browser.assertNoConsoleErrors();

        browser.signIn(email, NEW_PASSWORD);
        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.find("#signed-in-as").getText()).contains("Ines Invited", "Clinic " + clinic, "CARE_COORDINATOR");
        browser.assertNoConsoleErrors();
    }
}
