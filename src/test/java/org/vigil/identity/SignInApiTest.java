package org.vigil.identity;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Password sign-in, access tokens and rotating refresh tokens, over real HTTP. */
@VigilIntegrationTest
class SignInApiTest {

    private static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformScope platform;

    Api api;
    String clinic;
    String email;
    String nurse;

    @BeforeEach
    void aNurseOfAClinic() {
        api = new Api(port);
        clinic = data.organization();
        email = "nurse." + Ids.newId() + "@clinic.test";
        nurse = data.userWithPassword(email, PASSWORD);
        data.membership(clinic, nurse, "NURSE");
    }

    private Api.Response login(String password) {
        return api.post("/api/v1/auth/login", Api.json(Map.of("email", email, "password", password)));
    }

    private int audited(String action) {
        return platform.call(null, "test check", () -> jdbc.queryForObject(
                "SELECT count(*) FROM audit_logs WHERE user_id = ? AND action = ?", Integer.class, nurse, action));
    }

    @Test
    void aMemberSignsInAndActsInTheirOrganizationWithTheirRolesPermissions() {
        Api.Response response = login(PASSWORD);
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(body.get("expiresIn").asLong()).isEqualTo(900);
        assertThat(body.get("organization").get("id").asString()).isEqualTo(clinic);

        Api.Response me = api.get("/api/v1/auth/me", body.get("accessToken").asString());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("userId").asString()).isEqualTo(nurse);
        assertThat(me.body()).contains("ALERT_WORK", "PATIENT_READ").doesNotContain("MEMBER_MANAGE", "AUDIT_READ");
        assertThat(audited("LOGIN_SUCCESS")).isOne();
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        Api.Response wrong = login("not the password at all");
        Api.Response unknown = api.post("/api/v1/auth/login",
                Api.json(Map.of("email", "nobody." + Ids.newId() + "@clinic.test", "password", PASSWORD)));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());
        assertThat(audited("LOGIN_FAILURE")).isOne();
    }

    @Test
    void repeatedFailuresLockTheAccountEvenAgainstTheRightPassword() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(login("wrong password " + attempt).status()).isEqualTo(401);
        }
        assertThat(login(PASSWORD).status()).as("locked for 15 minutes after 5 failures").isEqualTo(401);
        assertThat(audited("ACCOUNT_LOCKED")).isOne();
    }

    @Test
    void anAddressWithTwentyFailuresIsRefusedForAWhileWhateverTheAccount() {
        for (int attempt = 1; attempt <= 20; attempt++) {
            Api.Response failed = api.post("/api/v1/auth/login", Api.json(Map.of(
                    "email", "guess" + attempt + "." + Ids.newId() + "@clinic.test", "password", "guessing " + attempt)));
            assertThat(failed.status()).isEqualTo(401);
        }
        Api.Response blocked = login(PASSWORD);
        assertThat(blocked.status()).as("even the right password, from this address").isEqualTo(429);
        assertThat(blocked.contentType()).startsWith("application/problem+json");
        assertThat(blocked.header("Retry-After")).isNotNull();
        assertThat(new Api(port).post("/api/v1/auth/login", Api.json(Map.of("email", email, "password", PASSWORD)))
                .status()).as("another address is not affected").isEqualTo(200);
    }

    @Test
    void refreshTokensRotateAndAReusedOneRevokesTheWholeFamily() {
        String first = login(PASSWORD).json().get("refreshToken").asString();
        Api.Response rotated = api.post("/api/v1/auth/refresh", Api.json(Map.of("refreshToken", first)));
        assertThat(rotated.status()).isEqualTo(200);
        String second = rotated.json().get("refreshToken").asString();
        assertThat(second).isNotEqualTo(first);

        // The old token presented again: someone holds a copy. Both it and its successor die.
        assertThat(api.post("/api/v1/auth/refresh", Api.json(Map.of("refreshToken", first))).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", Api.json(Map.of("refreshToken", second))).status()).isEqualTo(401);
        assertThat(audited("REFRESH_TOKEN_REUSE")).isOne();
        Integer stored = platform.call(null, "test check", () -> jdbc.queryForObject(
                "SELECT count(*) FROM refresh_tokens WHERE user_id = ? AND token_hash IN (?, ?)", Integer.class,
                nurse, first, second));
        assertThat(stored).as("only hashes are stored").isZero();
    }

    @Test
    void logoutRevokesTheRefreshTokenAndEndsTheSessionsAccessTokensAtOnce() {
        Api.Response signedIn = login(PASSWORD);
        String refresh = signedIn.json().get("refreshToken").asString();
        String access = signedIn.json().get("accessToken").asString();
        String otherSession = login(PASSWORD).json().get("accessToken").asString();
        assertThat(api.get("/api/v1/auth/me", access).status()).isEqualTo(200);

        assertThat(api.post("/api/v1/auth/logout", Api.json(Map.of("refreshToken", refresh))).status()).isEqualTo(204);
        assertThat(api.post("/api/v1/auth/refresh", Api.json(Map.of("refreshToken", refresh))).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", access).status()).as("not valid until it expires: ended now")
                .isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", otherSession).status()).as("another sign-in is another session")
                .isEqualTo(200);
        assertThat(audited("LOGOUT")).isOne();
    }

    @Test
    void aReusedRefreshTokenAlsoEndsTheAccessTokensOfItsSession() {
        Api.Response signedIn = login(PASSWORD);
        String first = signedIn.json().get("refreshToken").asString();
        Api.Response rotated = api.post("/api/v1/auth/refresh", Api.json(Map.of("refreshToken", first)));
        String access = rotated.json().get("accessToken").asString();
        assertThat(api.get("/api/v1/auth/me", access).status()).isEqualTo(200);
        api.post("/api/v1/auth/refresh", Api.json(Map.of("refreshToken", first)));
        assertThat(api.get("/api/v1/auth/me", access).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", signedIn.json().get("accessToken").asString()).status()).isEqualTo(401);
    }

    @Test
    void aDeactivatedMembershipEndsAccessAtOnce() {
        String access = login(PASSWORD).json().get("accessToken").asString();
        assertThat(api.get("/api/v1/auth/me", access).status()).isEqualTo(200);
        data.platformUpdate("UPDATE user_organizations SET is_active = false WHERE user_id = ?", nurse);
        Api.Response after = api.get("/api/v1/auth/me", access);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aMemberCannotSignInToAnotherOrganization() {
        String otherClinic = data.organization();
        Api.Response response = api.post("/api/v1/auth/login",
                Api.json(Map.of("email", email, "password", PASSWORD, "organizationId", otherClinic)));
        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void aMemberOfTwoOrganizationsSwitchesBetweenThemButNotIntoAThird() {
        String secondClinic = data.organization();
        data.membership(secondClinic, nurse, "CARE_COORDINATOR");
        JsonNode first = login(PASSWORD).json();
        assertThat(first.get("organizations")).hasSize(2);
        String access = first.get("accessToken").asString();

        Api.Response switched = api.post("/api/v1/auth/switch-organization",
                Api.json(Map.of("organizationId", secondClinic)), access);
        assertThat(switched.status()).isEqualTo(200);
        JsonNode me = api.get("/api/v1/auth/me", switched.json().get("accessToken").asString()).json();
        assertThat(me.get("organization").get("id").asString()).isEqualTo(secondClinic);
        assertThat(me.get("organization").get("role").asString()).isEqualTo("CARE_COORDINATOR");

        Api.Response foreign = api.post("/api/v1/auth/switch-organization",
                Api.json(Map.of("organizationId", data.organization())), access);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(audited("ORGANIZATION_SWITCHED")).isOne();
    }

    @Test
    void requestsWithoutAValidTokenGetAProblem() {
        Api.Response none = api.get("/api/v1/auth/me", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/auth/me", "not-a-jwt").status()).isEqualTo(401);
    }

    @Test
    void badInputIsA400ProblemNamingTheField() {
        Api.Response malformed = api.post("/api/v1/auth/login", "{\"email\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.json().get("detail").asString()).contains("not valid JSON");

        Api.Response missing = api.post("/api/v1/auth/login", Api.json(Map.of("password", PASSWORD)));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("email");

        Api.Response tooLong = api.post("/api/v1/auth/login",
                Api.json(Map.of("email", email, "password", "x".repeat(129))));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"field\":\"password\"");

        Api.Response wrongType = api.post("/api/v1/auth/login", "{\"email\": {\"a\": 1}, \"password\": \"x\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("detail").asString()).contains("'email'");
    }
}
