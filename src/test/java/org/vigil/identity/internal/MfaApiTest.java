package org.vigil.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.shared.Ids;
import org.vigil.support.Api;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import org.vigil.tenancy.PlatformScope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** TOTP enrolment with QR code, verification at sign-in, backup codes, throttling and disabling, over HTTP. */
@VigilIntegrationTest
class MfaApiTest {

    private static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformScope platform;

    private final TotpService totp = new TotpService("Vigil");
    private final HttpClient http = HttpClient.newHttpClient();
    Api api;
    String email;
    String user;

    @BeforeEach
    void aMember() {
        api = new Api(port);
        email = "mfa." + Ids.newId() + "@clinic.test";
        user = data.userWithPassword(email, PASSWORD);
        data.membership(data.organization(), user, "PHYSICIAN");
    }

    private JsonNode post(String path, String bearer, Object body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.ofString(Api.json(body))).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? null : JsonMapper.builder().build().readTree(response.body());
        return JsonMapper.builder().build().createObjectNode().put("status", response.statusCode()).set("body", json);
    }

    private JsonNode login() {
        return api.post("/api/v1/auth/login", Api.json(Map.of("email", email, "password", PASSWORD))).json();
    }

    private Api.Response verify(String ticket, String code) {
        return api.post("/api/v1/auth/mfa/verify", Api.json(Map.of("mfaTicket", ticket, "code", code)));
    }

    private String codeAt(String secret, long stepOffset) {
        return totp.code(secret, TotpService.stepAt(Instant.now()) + stepOffset);
    }

    /** Enrols the user; returns the secret, an access token and the time step confirmed; fills the backup codes. */
    private String[] enrol(List<String> backupCodesOut) throws Exception {
        String access = login().get("accessToken").asString();
        JsonNode enrolment = post("/api/v1/auth/mfa/enrolment", access, Map.of()).get("body");
        String secret = enrolment.get("secret").asString();
        assertThat(enrolment.get("otpauthUri").asString()).startsWith("otpauth://totp/Vigil:").contains("secret=" + secret);
        assertThat(enrolment.get("qrCodePng").asString()).startsWith("data:image/png;base64,");
        assertThat(post("/api/v1/auth/mfa/enrolment/confirm", access, Map.of("code", "000000")).get("status").asInt())
                .isEqualTo(400);
        long enrolmentStep = TotpService.stepAt(Instant.now()) - 1;
        JsonNode confirmed = post("/api/v1/auth/mfa/enrolment/confirm", access,
                Map.of("code", totp.code(secret, enrolmentStep)));
        assertThat(confirmed.get("status").asInt()).isEqualTo(200);
        confirmed.get("body").get("backupCodes").forEach(code -> backupCodesOut.add(code.asString()));
        return new String[] {secret, access, String.valueOf(enrolmentStep)};
    }

    @Test
    void enrolmentThenSignInNeedsTheSecondFactorAndACodeWorksOnlyOnce() throws Exception {
        List<String> backupCodes = new ArrayList<>();
        String[] enrolled = enrol(backupCodes);
        String secret = enrolled[0];
        long enrolmentStep = Long.parseLong(enrolled[2]);
        assertThat(backupCodes).hasSize(10).doesNotHaveDuplicates();
        String stored = platform.call(null, "test check", () -> jdbc.queryForObject(
                "SELECT mfa_secret FROM users WHERE id = ?", String.class, user));
        assertThat(stored).as("encrypted at rest").startsWith("v1:").doesNotContain(secret);

        JsonNode challenge = login();
        assertThat(challenge.get("mfaRequired").asBoolean()).isTrue();
        assertThat(challenge.has("accessToken")).isFalse();
        String ticket = challenge.get("mfaTicket").asString();
        assertThat(api.get("/api/v1/auth/me", ticket).status()).as("a ticket is not an access token").isEqualTo(401);
        assertThat(verify(ticket, totp.code(secret, enrolmentStep)).status()).as("the enrolment code's step was used")
                .isEqualTo(401);

        String code = codeAt(secret, 0);
        Api.Response signedIn = verify(ticket, code);
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/auth/me", signedIn.json().get("accessToken").asString()).status()).isEqualTo(200);
        assertThat(verify(login().get("mfaTicket").asString(), code).status()).as("replay refused").isEqualTo(401);
    }

    @Test
    void aBackupCodeWorksExactlyOnce() throws Exception {
        List<String> backupCodes = new ArrayList<>();
        enrol(backupCodes);
        String backup = backupCodes.get(3);
        assertThat(verify(login().get("mfaTicket").asString(), backup.toUpperCase()).status()).isEqualTo(200);
        assertThat(verify(login().get("mfaTicket").asString(), backup).status()).isEqualTo(401);
        Integer left = platform.call(null, "test check", () -> jdbc.queryForObject(
                "SELECT cardinality(backup_codes) FROM users WHERE id = ?", Integer.class, user));
        assertThat(left).isEqualTo(9);
    }

    @Test
    void wrongCodesAreThrottledByTheAccountLock() throws Exception {
        String secret = enrol(new ArrayList<>())[0];
        for (int attempt = 0; attempt < 5; attempt++) {
            String ticket = login().get("mfaTicket").asString();
            assertThat(verify(ticket, "12345" + attempt).status()).isEqualTo(401);
        }
        Api.Response locked = api.post("/api/v1/auth/login", Api.json(Map.of("email", email, "password", PASSWORD)));
        assertThat(locked.status()).as("locked after 5 wrong codes").isEqualTo(401);
        Integer failures = platform.call(null, "test check", () -> jdbc.queryForObject(
                "SELECT count(*) FROM audit_logs WHERE user_id = ? AND action = 'MFA_FAILURE'", Integer.class, user));
        assertThat(failures).isEqualTo(5);
        assertThat(secret).isNotBlank();
    }

    @Test
    void disablingNeedsThePasswordAndACode() throws Exception {
        List<String> backupCodes = new ArrayList<>();
        String access = enrol(backupCodes)[1];
        assertThat(post("/api/v1/auth/mfa/disable", access, Map.of("password", "wrong password!!", "code", backupCodes.get(0)))
                .get("status").asInt()).isEqualTo(401);
        assertThat(post("/api/v1/auth/mfa/disable", access, Map.of("password", PASSWORD, "code", backupCodes.get(1)))
                .get("status").asInt()).isEqualTo(204);
        assertThat(login().has("accessToken")).as("password alone suffices again").isTrue();
    }
}
