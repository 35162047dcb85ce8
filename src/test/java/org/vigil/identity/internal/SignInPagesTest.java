package org.vigil.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.shared.Ids;
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.Browser;
import org.vigil.support.TestData;
import org.vigil.support.TestMail;
import org.vigil.support.VigilIntegrationTest;

/**
 * The signed-out password reset and invitation pages over real HTTP: open without a session, the
 * same answer for unknown addresses, readable messages next to the fields for bad input, invalid
 * links, an existing account joining by proving its password, and no token in the pages' links.
 */
@VigilIntegrationTest
class SignInPagesTest {

    private static final String NEW_PASSWORD = "violet tractor oyster lantern";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;
    @Autowired
    GreenMail mail;

    private String token(String email, String path) {
        List<jakarta.mail.internet.MimeMessage> messages = TestMail.to(mail, email);
        assertThat(messages).isNotEmpty();
        Matcher m = Pattern.compile(Pattern.quote(path) + "\\?token=([A-Za-z0-9_-]+)")
                .matcher(GreenMailUtil.getBody(messages.get(messages.size() - 1)).replace("=\r\n", "").replace("=3D", "="));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void passwordResetPagesAnswerTheSameAndExplainEveryRefusal() {
        Browser browser = new Browser(port);
        Browser.Page form = browser.get("/password-reset");
        assertThat(form.status()).isEqualTo(200);
        assertThat(browser.get("/login").body()).contains("href=\"/password-reset\"", "Forgot your password?");

        Browser.Page empty = browser.post("/password-reset", Map.of("email", " ", "_csrf", form.csrf()));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text()).contains("Enter your email address.");
        assertThat(empty.body()).contains("aria-invalid=\"true\"");
        Browser.Page malformed = browser.post("/password-reset", Map.of("email", "not an address", "_csrf", form.csrf()));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.text()).contains("Enter an email address such as");

        String email = "reset." + Ids.newId() + "@clinic.test";
        data.membership(data.organization(), data.userWithPassword(email, Accounts.PASSWORD), "NURSE");
        Browser.Page known = browser.post("/password-reset", Map.of("email", email, "_csrf", form.csrf()));
        Browser.Page unknown = browser.post("/password-reset", Map.of("email", "x" + email, "_csrf", form.csrf()));
        assertThat(known.status()).isEqualTo(200);
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.text()).isEqualTo(known.text()).contains(WebPasswordResetController.SENT);
        String token = token(email, "/password-reset/confirm");

        Browser.Page bogus = browser.get("/password-reset/confirm?token=" + "A".repeat(43));
        assertThat(bogus.status()).isEqualTo(200).as("the link is only checked when used");
        Browser.Page bogusPost = browser.post("/password-reset/confirm", Map.of("token", "A".repeat(43),
                "newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD, "_csrf", form.csrf()));
        assertThat(bogusPost.status()).isEqualTo(400);
        assertThat(bogusPost.text()).contains(WebPasswordResetController.INVALID_LINK);
        Browser.Page noToken = browser.get("/password-reset/confirm");
        assertThat(noToken.status()).isEqualTo(400);
        assertThat(noToken.text()).contains("The reset link is invalid");

        Browser.Page page = browser.get("/password-reset/confirm?token=" + token);
        assertThat(page.body()).contains("name=\"token\" value=\"" + token + "\"");
        Browser.Page mismatch = browser.post("/password-reset/confirm", Map.of("token", token, "newPassword", NEW_PASSWORD,
                "confirmPassword", NEW_PASSWORD + "!", "_csrf", page.csrf()));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.text()).contains("The two passwords are not the same.");
        Browser.Page weak = browser.post("/password-reset/confirm", Map.of("token", token, "newPassword", "aaaaaaaaaaaa",
                "confirmPassword", "aaaaaaaaaaaa", "_csrf", page.csrf()));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.text()).contains("Password must not be a single repeated character.");
        assertThat(weak.body()).doesNotContain("aaaaaaaaaaaa");
        Browser.Page done = browser.post("/password-reset/confirm", Map.of("token", token, "newPassword", NEW_PASSWORD,
                "confirmPassword", NEW_PASSWORD, "_csrf", page.csrf()));
        assertThat(done.redirectsTo("/login?m=password-changed")).isTrue();
        Browser.Page again = browser.post("/password-reset/confirm", Map.of("token", token, "newPassword", NEW_PASSWORD,
                "confirmPassword", NEW_PASSWORD, "_csrf", page.csrf()));
        assertThat(again.status()).as("single use").isEqualTo(400);
        assertThat(again.text()).contains("The reset link is invalid");
    }

    @Test
    void anExistingAccountJoinsByProvingItsPassword() {
        String clinic = data.organization();
        Api api = new Api(port);
        String admin = accounts.signIn(api, accounts.member(clinic, "ORG_ADMIN"), clinic);
        Accounts.Account elsewhere = accounts.member(data.organization(), "NURSE");
        assertThat(api.post("/api/v1/invitations", Api.json(Map.of("email", elsewhere.email(), "role", "PHYSICIAN")), admin)
                .status()).isEqualTo(201);
        String token = token(elsewhere.email(), "/invitations/accept");

        Browser browser = new Browser(port);
        Browser.Page page = browser.get("/invitations/accept?token=" + token);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("You already have a Vigil account with this address", "Clinic " + clinic, "physician");
        assertThat(page.body()).doesNotContain("id=\"firstName\"", "id=\"confirmPassword\"");
        Browser.Page wrong = browser.post("/invitations/accept", Map.of("token", token, "password", "not the password at all",
                "_csrf", page.csrf()));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.text()).contains("An account with this address exists: enter its password to accept the invitation.");
        Browser.Page joined = browser.post("/invitations/accept", Map.of("token", token, "password", Accounts.PASSWORD,
                "_csrf", page.csrf()));
        assertThat(joined.redirectsTo("/login?m=invitation-accepted")).isTrue();
        assertThat(data.platformQuery("SELECT count(*) FROM user_organizations WHERE user_id = ? AND organization_id = ? "
                + "AND role = 'PHYSICIAN'", elsewhere.userId(), clinic)).isEqualTo(1);
        Browser.Page used = browser.get("/invitations/accept?token=" + token);
        assertThat(used.status()).isEqualTo(400);
        assertThat(used.text()).contains(WebInvitationController.INVALID_LINK);
    }

    @Test
    void aNewcomerIsToldWhatIsMissingNextToEachField() {
        String clinic = data.organization();
        Api api = new Api(port);
        String admin = accounts.signIn(api, accounts.member(clinic, "ORG_ADMIN"), clinic);
        String email = "newcomer." + Ids.newId() + "@clinic.test";
        assertThat(api.post("/api/v1/invitations", Api.json(Map.of("email", email, "role", "NURSE")), admin).status())
                .isEqualTo(201);
        String token = token(email, "/invitations/accept");
        Browser browser = new Browser(port);
        Browser.Page page = browser.get("/invitations/accept?token=" + token);
        Browser.Page missing = browser.post("/invitations/accept", Map.of("token", token, "firstName", "", "lastName", "Doe",
                "password", "short", "confirmPassword", "short", "_csrf", page.csrf()));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text()).contains("Enter your first name.", "Password must be at least 12 characters long.");
        assertThat(missing.body()).contains("value=\"Doe\"").doesNotContain("value=\"short\"");
        Browser.Page mismatch = browser.post("/invitations/accept", Map.of("token", token, "firstName", "Nia", "lastName", "Doe",
                "password", NEW_PASSWORD, "confirmPassword", "something else entirely", "_csrf", page.csrf()));
        assertThat(mismatch.text()).contains("The two passwords are not the same.");
        assertThat(browser.get("/invitations/accept?token=nonsense").status()).isEqualTo(400);
        assertThat(data.platformQuery("SELECT count(*) FROM users WHERE email = ?", email)).isZero();
    }
}
