package org.vigil.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.shared.Ids;
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.TestData;
import org.vigil.support.TestMail;
import org.vigil.support.VigilIntegrationTest;

/** Invitations by email: the inviter chooses the role; the invitee sets a password or proves an existing one. */
@VigilIntegrationTest
class InvitationsApiTest {

    private static final Pattern TOKEN = Pattern.compile("invitations/accept\\?token=([A-Za-z0-9_-]+)");
    private static final String NEW_PASSWORD = "violet tractor oyster lantern";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;
    @Autowired
    GreenMail mail;

    Api api;
    String clinic;
    String adminToken;

    @BeforeEach
    void aClinicWithAnAdministrator() {
        api = new Api(port);
        clinic = data.organization();
        adminToken = accounts.signIn(api, accounts.member(clinic, "ORG_ADMIN"), clinic);
    }

    private String invite(String email, String role) {
        Api.Response sent = api.post("/api/v1/invitations", Api.json(Map.of("email", email, "role", role)), adminToken);
        assertThat(sent.status()).isEqualTo(201);
        Matcher link = TOKEN.matcher(GreenMailUtil.getBody(TestMail.to(mail, email).get(0)).replace("=\r\n", ""));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    private Api.Response accept(String token, String password) {
        return api.post("/api/v1/invitations/accept", Api.json(Map.of("token", token, "password", password,
                "firstName", "Ines", "lastName", "Invited")));
    }

    @Test
    void aNewcomerSetsAPasswordAndJoinsWithTheRoleTheInviterChose() {
        String email = "new." + Ids.newId() + "@clinic.test";
        String token = invite(email, "CARE_COORDINATOR");
        assertThat(api.get("/api/v1/invitations", adminToken).body()).contains(email);

        assertThat(accept(token, "password1234").status()).as("password policy applies").isEqualTo(400);
        assertThat(accept(token, NEW_PASSWORD).status()).isEqualTo(201);
        assertThat(accept(token, NEW_PASSWORD).status()).as("single use").isEqualTo(400);

        Api.Response login = api.post("/api/v1/auth/login", Api.json(Map.of("email", email, "password", NEW_PASSWORD)));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("organization").get("id").asString()).isEqualTo(clinic);
        assertThat(login.json().get("organization").get("role").asString()).isEqualTo("CARE_COORDINATOR");
        assertThat(api.get("/api/v1/invitations", adminToken).body()).doesNotContain(email);
    }

    @Test
    void someoneWithAnAccountJoinsByProvingItsPassword() {
        String otherClinic = data.organization();
        Accounts.Account existing = accounts.member(otherClinic, "PHYSICIAN");
        String token = invite(existing.email(), "PHYSICIAN");
        assertThat(accept(token, "not their password at all").status()).isEqualTo(400);
        assertThat(accept(token, Accounts.PASSWORD).status()).isEqualTo(201);
        Api.Response login = api.post("/api/v1/auth/login", Api.json(Map.of("email", existing.email(),
                "password", Accounts.PASSWORD, "organizationId", clinic)));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("organizations")).hasSize(2);
    }

    @Test
    void aWithdrawnInvitationCannotBeAccepted() {
        String email = "withdrawn." + Ids.newId() + "@clinic.test";
        String token = invite(email, "NURSE");
        String id = api.get("/api/v1/invitations", adminToken).json().get(0).get("id").asString();
        assertThat(api.delete("/api/v1/invitations/" + id, adminToken).status()).isEqualTo(204);
        assertThat(accept(token, NEW_PASSWORD).status()).isEqualTo(400);
        assertThat(api.delete("/api/v1/invitations/" + Ids.newId(), adminToken).status()).isEqualTo(404);
    }

    @Test
    void onlyMemberManagersInviteAndNobodyChoosesTheirOwnRole() {
        String nurseToken = accounts.signIn(api, accounts.member(clinic, "NURSE"), clinic);
        assertThat(api.post("/api/v1/invitations", Api.json(Map.of("email", "x." + Ids.newId() + "@clinic.test",
                "role", "NURSE")), nurseToken).status()).isEqualTo(403);
        Api.Response badRole = api.post("/api/v1/invitations", Api.json(Map.of("email", "y@clinic.test",
                "role", "KING")), adminToken);
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.json().get("detail").asString()).contains("'role'");
    }
}
