package org.vigil.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.shared.Ids;
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Listing and changing the members of one's organization, over real HTTP. */
@VigilIntegrationTest
class MembersApiTest {

    static final String MEMBERS = "/api/v1/members";

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

    Api api;
    String clinic;
    Accounts.Account admin;
    Accounts.Account nurse;
    String adminToken;
    String nurseToken;

    @BeforeEach
    void aClinicWithAnAdministratorAndANurse() {
        api = new Api(port);
        clinic = data.organization();
        admin = accounts.member(clinic, "ORG_ADMIN");
        nurse = accounts.member(clinic, "NURSE");
        adminToken = accounts.signIn(api, admin, clinic);
        nurseToken = accounts.signIn(api, nurse, clinic);
    }

    private JsonNode member(JsonNode list, String userId) {
        for (JsonNode member : list) {
            if (member.get("userId").asString().equals(userId)) {
                return member;
            }
        }
        return null;
    }

    @Test
    void membersSeeTheirOrganizationsMembersOnly() {
        String otherClinic = data.organization();
        Accounts.Account stranger = accounts.member(otherClinic, "PHYSICIAN");

        Api.Response listed = api.get(MEMBERS, nurseToken);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().size()).isEqualTo(2);
        JsonNode listedNurse = member(listed.json(), nurse.userId());
        assertThat(listedNurse.get("email").asString()).isEqualTo(nurse.email());
        assertThat(listedNurse.get("name").asString()).isEqualTo("Test NURSE");
        assertThat(listedNurse.get("role").asString()).isEqualTo("NURSE");
        assertThat(listedNurse.get("active").asBoolean()).isTrue();
        assertThat(listedNurse.get("joinedAt").asString()).isNotBlank();
        assertThat(member(listed.json(), stranger.userId())).isNull();

        Accounts.Account researcher = accounts.member(clinic, "RESEARCHER");
        Api.Response refused = api.get(MEMBERS, accounts.signIn(api, researcher, clinic));
        assertThat(refused.status()).as("RESEARCHER lacks MEMBER_READ").isEqualTo(403);
    }

    @Test
    void anAdministratorChangesARoleAndGrantsAPermission() {
        Api.Response changed = api.patch(MEMBERS + "/" + nurse.userId(),
                Api.json(Map.of("role", "CARE_COORDINATOR", "permissions", List.of("BILLING_READ"))), adminToken);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("role").asString()).isEqualTo("CARE_COORDINATOR");
        assertThat(changed.json().get("permissions").toString()).isEqualTo("[\"BILLING_READ\"]");

        // Permissions are read from the membership on every request: the same token now carries them.
        Api.Response me = api.get("/api/v1/auth/me", nurseToken);
        assertThat(me.json().get("organization").get("role").asString()).isEqualTo("CARE_COORDINATOR");
        assertThat(me.body()).contains("BILLING_READ").doesNotContain("OBSERVATION_WRITE");

        Map<String, Object> entry = platform.call(null, "test check", () -> jdbc.queryForMap(
                "SELECT user_id, resource_type, details::text AS details FROM audit_logs "
                        + "WHERE organization_id = ? AND action = 'MEMBERSHIP_CHANGED'", clinic));
        assertThat(entry).containsEntry("user_id", admin.userId()).containsEntry("resource_type", "membership");
        assertThat(entry.get("details").toString()).contains("\"role\"", "\"permissions\"", nurse.userId())
                .doesNotContain("CARE_COORDINATOR", "BILLING_READ", nurse.email());
    }

    @Test
    void aMemberManagerCannotGiveAdministrativePowersTheyLack() {
        Accounts.Account lead = accounts.member(clinic, "NURSE");
        assertThat(api.patch(MEMBERS + "/" + lead.userId(), Api.json(Map.of("permissions", List.of("MEMBER_MANAGE"))),
                adminToken).status()).isEqualTo(200);
        String leadToken = accounts.signIn(api, lead, clinic);
        assertThat(api.patch(MEMBERS + "/" + nurse.userId(), Api.json(Map.of("role", "CARE_COORDINATOR")), leadToken)
                .status()).as("staffing roles are the member manager's job").isEqualTo(200);
        Api.Response escalation = api.patch(MEMBERS + "/" + nurse.userId(), Api.json(Map.of("role", "ORG_ADMIN")), leadToken);
        assertThat(escalation.status()).isEqualTo(403);
        assertThat(escalation.contentType()).startsWith("application/problem+json");
        assertThat(api.patch(MEMBERS + "/" + nurse.userId(), Api.json(Map.of("permissions", List.of("AUDIT_READ"))),
                leadToken).status()).isEqualTo(403);
    }

    @Test
    void deactivatingAMemberEndsTheirAccess() {
        Api.Response deactivated = api.patch(MEMBERS + "/" + nurse.userId(), Api.json(Map.of("active", false)), adminToken);
        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.json().get("active").asBoolean()).isFalse();
        assertThat(api.get(MEMBERS, nurseToken).status()).isEqualTo(401);
    }

    @Test
    void aNurseMayNotChangeMembers() {
        Api.Response refused = api.patch(MEMBERS + "/" + admin.userId(), Api.json(Map.of("active", false)), nurseToken);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/auth/me", adminToken).status()).isEqualTo(200);
    }

    @Test
    void nobodyChangesTheirOwnRoleOrDeactivatesThemselves() {
        Api.Response demote = api.patch(MEMBERS + "/" + admin.userId(), Api.json(Map.of("role", "NURSE")), adminToken);
        assertThat(demote.status()).isEqualTo(409);
        assertThat(demote.contentType()).startsWith("application/problem+json");
        Api.Response leave = api.patch(MEMBERS + "/" + admin.userId(), Api.json(Map.of("active", false)), adminToken);
        assertThat(leave.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/auth/me", adminToken).json().get("organization").get("role").asString())
                .isEqualTo("ORG_ADMIN");
    }

    @Test
    void aUserOfAnotherOrganizationIsNotFound() {
        String otherClinic = data.organization();
        Accounts.Account stranger = accounts.member(otherClinic, "NURSE");
        Api.Response foreign = api.patch(MEMBERS + "/" + stranger.userId(), Api.json(Map.of("active", false)), adminToken);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(api.patch(MEMBERS + "/" + Ids.newId(), Api.json(Map.of("active", false)), adminToken).status())
                .isEqualTo(404);
        assertThat(accounts.signIn(api, stranger, otherClinic)).as("the stranger is untouched").isNotBlank();
    }

    @Test
    void badInputIsA400ProblemNamingTheField() {
        String path = MEMBERS + "/" + nurse.userId();
        Api.Response badRole = api.patch(path, Api.json(Map.of("role", "KING")), adminToken);
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.contentType()).startsWith("application/problem+json");
        assertThat(badRole.json().get("detail").asString()).contains("'role'");

        Api.Response badPermission = api.patch(path, Api.json(Map.of("permissions", List.of("EVERYTHING"))), adminToken);
        assertThat(badPermission.status()).isEqualTo(400);
        assertThat(badPermission.json().get("detail").asString()).contains("permissions");

        Api.Response nothing = api.patch(path, "{}", adminToken);
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.contentType()).startsWith("application/problem+json");

        Api.Response malformed = api.patch(path, "{\"active\": ", adminToken);
        assertThat(malformed.status()).isEqualTo(400);
    }
}
