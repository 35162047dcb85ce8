package org.vigil.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/** Email verification by a mailed single-use link. */
@VigilIntegrationTest
class EmailVerificationApiTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern TOKEN = Pattern.compile("verify-email\\?token=([A-Za-z0-9_-]+)");

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

    @Test
    void aUserConfirmsTheirAddressOnceByTheMailedLink() {
        Api api = new Api(port);
        String email = "verify." + Ids.newId() + "@clinic.test";
        String user = data.userWithPassword(email, PASSWORD);
        data.membership(data.organization(), user);
        data.platformUpdate("UPDATE users SET email_verified = false WHERE id = ?", user);
        String access = api.post("/api/v1/auth/login", Api.json(Map.of("email", email, "password", PASSWORD)))
                .json().get("accessToken").asString();

        assertThat(api.post("/api/v1/auth/email-verification", "{}", access).status()).isEqualTo(202);
        Matcher link = TOKEN.matcher(GreenMailUtil.getBody(TestMail.to(mail, email).get(0)).replace("=\r\n", ""));
        assertThat(link.find()).isTrue();
        String token = link.group(1);

        assertThat(api.post("/api/v1/auth/email-verification/confirm", Api.json(Map.of("token", token))).status())
                .isEqualTo(204);
        Boolean verified = platform.call(null, "test check", () -> jdbc.queryForObject(
                "SELECT email_verified AND email_verified_at IS NOT NULL FROM users WHERE id = ?", Boolean.class, user));
        assertThat(verified).isTrue();
        assertThat(api.post("/api/v1/auth/email-verification/confirm", Api.json(Map.of("token", token))).status())
                .as("single use").isEqualTo(400);
        assertThat(api.post("/api/v1/auth/email-verification", "{}", access).status())
                .as("nothing left to verify").isEqualTo(409);
        assertThat(api.post("/api/v1/auth/email-verification/confirm", Api.json(Map.of("token", "forged"))).status())
                .isEqualTo(400);
    }
}
