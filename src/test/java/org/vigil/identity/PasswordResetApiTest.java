package org.vigil.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.shared.Ids;
import org.vigil.support.Api;
import org.vigil.support.TestData;
import org.vigil.support.TestMail;
import org.vigil.support.VigilIntegrationTest;
import org.vigil.tenancy.PlatformScope;

/** Password reset end to end: the mail is captured by an in-process SMTP server. */
@VigilIntegrationTest
class PasswordResetApiTest {

    private static final String OLD_PASSWORD = "correct horse battery staple";
    private static final String NEW_PASSWORD = "violet tractor oyster lantern";
    private static final Pattern TOKEN = Pattern.compile("password-reset/confirm\\?token=([A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    GreenMail mail;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformScope platform;

    Api api;
    String email;
    String user;

    @BeforeEach
    void aMember() {
        api = new Api(port);
        email = "reset." + Ids.newId() + "@clinic.test";
        user = data.userWithPassword(email, OLD_PASSWORD);
        data.membership(data.organization(), user, "NURSE");
    }

    private Api.Response requestReset(String address) {
        return api.post("/api/v1/auth/password-reset", Api.json(Map.of("email", address)));
    }

    private String tokenFromMail() {
        List<MimeMessage> messages = TestMail.to(mail, email);
        assertThat(messages).hasSize(1);
        Matcher matcher = TOKEN.matcher(GreenMailUtil.getBody(messages.get(0)).replace("=\r\n", ""));
        assertThat(matcher.find()).as("the mail carries a reset link").isTrue();
        return matcher.group(1);
    }

    private Api.Response confirm(String token, String password) {
        return api.post("/api/v1/auth/password-reset/confirm", Api.json(Map.of("token", token, "newPassword", password)));
    }

    private Api.Response login(String password) {
        return api.post("/api/v1/auth/login", Api.json(Map.of("email", email, "password", password)));
    }

    @Test
    void aResetByMailSetsANewPasswordOnceAndEndsEverySession() {
        String oldRefresh = login(OLD_PASSWORD).json().get("refreshToken").asString();
        Api.Response requested = requestReset(email.toUpperCase());
        assertThat(requested.status()).isEqualTo(202);
        String token = tokenFromMail();
        String storedHash = platform.call(null, "test check", () -> jdbc.queryForObject(
                "SELECT password_reset_token FROM users WHERE id = ?", String.class, user));
        assertThat(storedHash).as("only the hash is stored").isNotEqualTo(token).hasSize(64);

        Api.Response weak = confirm(token, "password1234");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body()).contains("\"field\":\"newPassword\"");

        assertThat(confirm(token, NEW_PASSWORD).status()).isEqualTo(204);
        assertThat(login(NEW_PASSWORD).status()).isEqualTo(200);
        assertThat(login(OLD_PASSWORD).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", Api.json(Map.of("refreshToken", oldRefresh))).status())
                .as("sessions from before the reset are revoked").isEqualTo(401);
        assertThat(confirm(token, "another fine long passphrase").status()).as("single use").isEqualTo(400);
        Integer audited = platform.call(null, "test check", () -> jdbc.queryForObject(
                "SELECT count(*) FROM audit_logs WHERE user_id = ? AND action IN "
                        + "('PASSWORD_RESET_REQUESTED', 'PASSWORD_RESET_COMPLETED')", Integer.class, user));
        assertThat(audited).isEqualTo(2);
    }

    @Test
    void anUnknownEmailGetsTheSameAnswerAndNoMail() {
        String unknown = "nobody." + Ids.newId() + "@clinic.test";
        Api.Response known = requestReset(email);
        Api.Response notKnown = requestReset(unknown);
        assertThat(notKnown.status()).isEqualTo(202);
        assertThat(notKnown.body()).isEqualTo(known.body());
        assertThat(TestMail.to(mail, unknown)).isEmpty();
    }

    @Test
    void anExpiredTokenIsRefused() {
        requestReset(email);
        String token = tokenFromMail();
        data.platformUpdate("UPDATE users SET password_reset_expires = now() - interval '1 minute' WHERE id = ?", user);
        Api.Response expired = confirm(token, NEW_PASSWORD);
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.contentType()).startsWith("application/problem+json");
        assertThat(login(OLD_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aMadeUpTokenIsRefused() {
        assertThat(confirm("made-up-token", NEW_PASSWORD).status()).isEqualTo(400);
    }
}
