package org.vigil.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.shared.Ids;
import org.vigil.support.Api;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import tools.jackson.databind.JsonNode;

/** An organization that requires MFA: members without it can do nothing there but enrol. */
@VigilIntegrationTest
class OrganizationRequiresMfaApiTest {

    private static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;

    @Test
    void aMemberWithoutMfaMustEnrolBeforeActing() {
        Api api = new Api(port);
        String clinic = data.organization();
        data.platformUpdate("UPDATE organizations SET settings = '{\"mfaRequired\": true}'::jsonb WHERE id = ?", clinic);
        String email = "admin." + Ids.newId() + "@clinic.test";
        data.membership(clinic, data.userWithPassword(email, PASSWORD), "ORG_ADMIN");

        JsonNode first = api.post("/api/v1/auth/login", Api.json(Map.of("email", email, "password", PASSWORD))).json();
        assertThat(first.get("organization").get("mfaEnrolmentRequired").asBoolean()).isTrue();
        String access = first.get("accessToken").asString();
        assertThat(api.get("/api/v1/auth/me", access).json().get("permissions")).isEmpty();
        assertThat(api.get("/api/v1/members", access).status()).as("no permission before enrolment").isEqualTo(403);

        JsonNode enrolment = api.post("/api/v1/auth/mfa/enrolment", "{}", access).json();
        TotpService totp = new TotpService("Vigil");
        String secret = enrolment.get("secret").asString();
        long step = TotpService.stepAt(Instant.now());
        assertThat(api.post("/api/v1/auth/mfa/enrolment/confirm",
                Api.json(Map.of("code", totp.code(secret, step - 1))), access).status()).isEqualTo(200);

        assertThat(api.get("/api/v1/members", access).status()).as("enrolled: the role's permissions apply").isEqualTo(200);
        JsonNode challenge = api.post("/api/v1/auth/login", Api.json(Map.of("email", email, "password", PASSWORD))).json();
        assertThat(challenge.get("mfaRequired").asBoolean()).isTrue();
        JsonNode signedIn = api.post("/api/v1/auth/mfa/verify", Api.json(Map.of(
                "mfaTicket", challenge.get("mfaTicket").asString(), "code", totp.code(secret, step)))).json();
        assertThat(signedIn.get("organization").get("mfaEnrolmentRequired").asBoolean()).isFalse();
    }
}
