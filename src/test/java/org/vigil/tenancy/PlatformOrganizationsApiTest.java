package org.vigil.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
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

/** Organizations created, changed and deactivated by a platform administrator, over real HTTP. */
@VigilIntegrationTest
class PlatformOrganizationsApiTest {

    static final String ORGANIZATIONS = "/api/v1/platform/organizations";

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
    Accounts.Account admin;
    String adminToken;

    @BeforeEach
    void aPlatformAdministratorSignedInToTheirOwnOrganization() {
        api = new Api(port);
        String home = data.organization();
        admin = accounts.member(home, "ORG_ADMIN");
        data.platformUpdate("UPDATE users SET is_platform_admin = true WHERE id = ?", admin.userId());
        adminToken = accounts.signIn(api, admin, home);
    }

    private Map<String, Object> newClinic(String unique) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Lakeside Cardiology " + unique);
        body.put("type", "PRACTICE");
        body.put("domain", unique.toLowerCase() + ".Lakeside.test");
        body.put("email", "front-desk@lakeside.test");
        body.put("phone", "+1 (555) 010-2000");
        body.put("address", "1 Lake Road, Springfield");
        body.put("website", "https://lakeside.test");
        body.put("timeZone", "America/Chicago");
        body.put("settings", Map.of("billingProgramsOffered", java.util.List.of("RPM", "CCM"), "mfaRequired", true));
        return body;
    }

    private long audited(String organizationId, String action) {
        return platform.call(null, "test check", () -> jdbc.queryForObject(
                "SELECT count(*) FROM audit_logs WHERE organization_id = ? AND action = ? AND user_id = ?",
                Long.class, organizationId, action, admin.userId()));
    }

    @Test
    void aPlatformAdministratorCreatesListsChangesAndDeactivatesAnOrganization() {
        String unique = Ids.newId();
        Api.Response created = api.post(ORGANIZATIONS, Api.json(newClinic(unique)), adminToken);
        assertThat(created.status()).isEqualTo(201);
        JsonNode clinic = created.json();
        String id = clinic.get("id").asString();
        assertThat(clinic.get("domain").asString()).isEqualTo(unique.toLowerCase() + ".lakeside.test");
        assertThat(clinic.get("timeZone").asString()).isEqualTo("America/Chicago");
        assertThat(clinic.get("active").asBoolean()).isTrue();
        assertThat(clinic.get("settings").get("mfaRequired").asBoolean()).isTrue();
        assertThat(clinic.get("settings").get("slaMinutes").get("CRITICAL").asInt()).as("the default of issue 6").isEqualTo(30);
        assertThat(clinic.get("settings").get("billingProgramsOffered").toString()).isEqualTo("[\"RPM\",\"CCM\"]");

        Api.Response listed = api.get(ORGANIZATIONS + "?size=100", adminToken);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get("items").get(0).get("id").asString()).as("newest first").isEqualTo(id);
        Api.Response found = api.get(ORGANIZATIONS + "?q=" + unique.toLowerCase() + ".LAKESIDE&active=true", adminToken);
        assertThat(found.json().get("totalItems").asLong()).as("by domain, case-insensitive").isOne();
        assertThat(api.get(ORGANIZATIONS + "?q=" + unique + "&active=false", adminToken).json().get("totalItems")
                .asLong()).isZero();

        Api.Response renamed = api.patch(ORGANIZATIONS + "/" + id,
                Api.json(Map.of("name", "Lakeside Heart " + unique, "phone", "555 0100")), adminToken);
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("name").asString()).isEqualTo("Lakeside Heart " + unique);
        assertThat(renamed.json().get("email").asString()).as("unchanged").isEqualTo("front-desk@lakeside.test");
        assertThat(renamed.json().get("version").asLong()).isGreaterThan(clinic.get("version").asLong());

        Api.Response cleared = api.patch(ORGANIZATIONS + "/" + id, Api.json(Map.of("clear", List.of("website", "phone"))),
                adminToken);
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().get("phone").isNull()).isTrue();
        assertThat(cleared.json().get("website").isNull()).isTrue();
        assertThat(cleared.json().get("email").asString()).as("not named, kept").isEqualTo("front-desk@lakeside.test");
        Api.Response unclearable = api.patch(ORGANIZATIONS + "/" + id, Api.json(Map.of("clear", List.of("name"))),
                adminToken);
        assertThat(unclearable.status()).isEqualTo(400);
        assertThat(unclearable.json().get("errors").get(0).get("field").asString()).startsWith("clear");

        Api.Response deactivated = api.patch(ORGANIZATIONS + "/" + id, Api.json(Map.of("active", false)), adminToken);
        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.json().get("active").asBoolean()).isFalse();

        assertThat(audited(id, "ORGANIZATION_CREATED")).isOne();
        assertThat(audited(id, "ORGANIZATION_UPDATED")).isEqualTo(3);
        long platformEntries = platform.call(null, "test check", () -> jdbc.queryForObject(
                "SELECT count(*) FROM audit_logs WHERE action = 'PLATFORM_ADMINISTRATION' AND user_id = ? "
                        + "AND details->>'reason' LIKE '% /api/v1/platform/organizations%'", Long.class, admin.userId()));
        assertThat(platformEntries).as("POST, three GETs and three PATCHes (the refused one is not)").isEqualTo(7);
    }

    @Test
    void deactivatingAnOrganizationEndsItsMembersAccessAtOnce() {
        String id = api.post(ORGANIZATIONS, Api.json(newClinic(Ids.newId())), adminToken).json().get("id").asString();
        Accounts.Account nurse = accounts.member(id, "NURSE");
        String nurseToken = accounts.signIn(api, nurse, id);
        assertThat(api.get("/api/v1/auth/me", nurseToken).status()).isEqualTo(200);

        assertThat(api.patch(ORGANIZATIONS + "/" + id, Api.json(Map.of("active", false)), adminToken).status())
                .isEqualTo(200);

        Api.Response after = api.get("/api/v1/auth/me", nurseToken);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anyoneElseIsForbiddenEvenAnOrganizationAdministrator() {
        String clinic = data.organization();
        Accounts.Account orgAdmin = accounts.member(clinic, "ORG_ADMIN");
        String token = accounts.signIn(api, orgAdmin, clinic);
        String unique = Ids.newId();

        Api.Response create = api.post(ORGANIZATIONS, Api.json(newClinic(unique)), token);
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.contentType()).startsWith("application/problem+json");
        assertThat(api.get(ORGANIZATIONS, token).status()).isEqualTo(403);
        assertThat(api.patch(ORGANIZATIONS + "/" + clinic, Api.json(Map.of("active", false)), token).status())
                .isEqualTo(403);
        long created = platform.call(null, "test check", () -> jdbc.queryForObject(
                "SELECT count(*) FROM organizations WHERE name = ?", Long.class, "Lakeside Cardiology " + unique));
        assertThat(created).isZero();

        // The flag is read on every call: withdrawn, it stops working at once.
        data.platformUpdate("UPDATE users SET is_platform_admin = false WHERE id = ?", admin.userId());
        assertThat(api.get(ORGANIZATIONS, adminToken).status()).isEqualTo(403);
    }

    @Test
    void badInputIsA400ProblemNamingTheFieldAndADuplicateDomainA409() {
        Map<String, Object> noName = newClinic(Ids.newId());
        noName.remove("name");
        Api.Response missing = api.post(ORGANIZATIONS, Api.json(noName), adminToken);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("name");

        Map<String, Object> badZone = newClinic(Ids.newId());
        badZone.put("timeZone", "Mars/Olympus_Mons");
        badZone.put("settings", Map.of("slaMinutes", Map.of("LOW", 10, "MEDIUM", 5, "HIGH", -1, "CRITICAL", 1)));
        Api.Response invalid = api.post(ORGANIZATIONS, Api.json(badZone), adminToken);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"field\":\"timeZone\"").contains("\"field\":\"settings.slaMinutes[HIGH]\"");

        Map<String, Object> badType = newClinic(Ids.newId());
        badType.put("type", "SPACESHIP");
        Api.Response wrongType = api.post(ORGANIZATIONS, Api.json(badType), adminToken);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("detail").asString()).contains("'type'");

        Map<String, Object> first = newClinic(Ids.newId());
        assertThat(api.post(ORGANIZATIONS, Api.json(first), adminToken).status()).isEqualTo(201);
        Map<String, Object> sameDomain = newClinic(Ids.newId());
        sameDomain.put("domain", first.get("domain"));
        Api.Response duplicate = api.post(ORGANIZATIONS, Api.json(sameDomain), adminToken);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.contentType()).startsWith("application/problem+json");

        assertThat(api.patch(ORGANIZATIONS + "/" + Ids.newId(), Api.json(Map.of("active", false)), adminToken).status())
                .isEqualTo(404);
        assertThat(api.get(ORGANIZATIONS + "?size=101", adminToken).status()).isEqualTo(400);
    }
}
