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
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The organization's settings: read by any member, replaced with If-Match by those allowed. */
@VigilIntegrationTest
class OrganizationSettingsApiTest {

    static final String SETTINGS = "/api/v1/organization/settings";

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
    String adminToken;
    String nurseToken;

    @BeforeEach
    void anAdministratorAndANurse() {
        api = new Api(port);
        clinic = data.organization();
        adminToken = accounts.signIn(api, accounts.member(clinic, "ORG_ADMIN"), clinic);
        nurseToken = accounts.signIn(api, accounts.member(clinic, "NURSE"), clinic);
    }

    private static Map<String, Object> settings(String timeZone, int high) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timeZone", timeZone);
        body.put("slaMinutes", Map.of("LOW", 2880, "MEDIUM", 480, "HIGH", high, "CRITICAL", 10));
        body.put("billingProgramsOffered", List.of("RPM", "RTM", "APCM"));
        body.put("mfaRequired", false);
        return body;
    }

    @Test
    void settingsRoundTripWithETagAndIfMatch() {
        Api.Response initial = api.get(SETTINGS, nurseToken);
        assertThat(initial.status()).isEqualTo(200);
        String etag = initial.header("ETag");
        assertThat(etag).matches("\"\\d+\"");
        JsonNode defaults = initial.json();
        assertThat(defaults.get("timeZone").asString()).isEqualTo("America/New_York");
        assertThat(defaults.get("slaMinutes").toString())
                .isEqualTo("{\"LOW\":1440,\"MEDIUM\":480,\"HIGH\":120,\"CRITICAL\":30}");
        assertThat(defaults.get("mfaRequired").asBoolean()).isFalse();

        Map<String, Object> requiringMfa = settings("America/Chicago", 45);
        requiringMfa.put("mfaRequired", true);
        Api.Response replaced = api.put(SETTINGS, Api.json(requiringMfa), adminToken, etag);
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.header("ETag")).isNotEqualTo(etag);

        Api.Response reread = api.get(SETTINGS, nurseToken);
        assertThat(reread.header("ETag")).isEqualTo(replaced.header("ETag"));
        assertThat(reread.json().get("timeZone").asString()).isEqualTo("America/Chicago");
        assertThat(reread.json().get("slaMinutes").get("HIGH").asInt()).isEqualTo(45);
        assertThat(reread.json().get("billingProgramsOffered").toString()).isEqualTo("[\"RPM\",\"RTM\",\"APCM\"]");
        assertThat(reread.json().get("mfaRequired").asBoolean()).isTrue();

        Map<String, Object> stored = platform.call(null, "test check", () -> jdbc.queryForMap(
                "SELECT time_zone, settings->'slaMinutes'->>'HIGH' AS high, settings->>'mfaRequired' AS mfa "
                        + "FROM organizations WHERE id = ?", clinic));
        assertThat(stored).containsEntry("time_zone", "America/Chicago").containsEntry("high", "45")
                .containsEntry("mfa", "true");
        String details = platform.call(null, "test check", () -> jdbc.queryForObject(
                "SELECT details::text FROM audit_logs WHERE organization_id = ? AND action = 'ORGANIZATION_SETTINGS_CHANGED'",
                String.class, clinic));
        assertThat(details).contains("timeZone", "slaMinutes", "billingProgramsOffered", "mfaRequired")
                .doesNotContain("Chicago", "45");
    }

    @Test
    void aStaleETagIs412AndAMissingIfMatchIs428() {
        String etag = api.get(SETTINGS, adminToken).header("ETag");
        assertThat(api.put(SETTINGS, Api.json(settings("Europe/Berlin", 30)), adminToken, etag).status()).isEqualTo(200);

        Api.Response stale = api.put(SETTINGS, Api.json(settings("Asia/Tokyo", 20)), adminToken, etag);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");

        Api.Response unconditional = api.put(SETTINGS, Api.json(settings("Asia/Tokyo", 20)), adminToken, null);
        assertThat(unconditional.status()).isEqualTo(428);
        assertThat(unconditional.contentType()).startsWith("application/problem+json");

        assertThat(api.get(SETTINGS, adminToken).json().get("timeZone").asString()).isEqualTo("Europe/Berlin");
    }

    @Test
    void aNurseMayReadButNotChangeTheSettings() {
        String etag = api.get(SETTINGS, nurseToken).header("ETag");
        Api.Response refused = api.put(SETTINGS, Api.json(settings("America/Denver", 30)), nurseToken, etag);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void badSettingsAreA400ProblemNamingTheField() {
        String etag = api.get(SETTINGS, adminToken).header("ETag");
        Api.Response badZone = api.put(SETTINGS, Api.json(settings("Atlantis/Capital", 30)), adminToken, etag);
        assertThat(badZone.status()).isEqualTo(400);
        assertThat(badZone.contentType()).startsWith("application/problem+json");
        assertThat(badZone.json().get("errors").get(0).get("field").asString()).isEqualTo("timeZone");

        Api.Response negative = api.put(SETTINGS, Api.json(settings("UTC", -5)), adminToken, etag);
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("errors").get(0).get("field").asString()).isEqualTo("slaMinutes[HIGH]");

        Map<String, Object> incomplete = settings("UTC", 30);
        incomplete.put("slaMinutes", Map.of("LOW", 60));
        incomplete.put("billingProgramsOffered", List.of("rpm; drop"));
        Api.Response partial = api.put(SETTINGS, Api.json(incomplete), adminToken, etag);
        assertThat(partial.status()).isEqualTo(400);
        assertThat(partial.body()).contains("\"field\":\"slaMinutes\"").contains("\"field\":\"billingProgramsOffered[0]\"");

        Api.Response wrongType = api.put(SETTINGS, "{\"timeZone\":\"UTC\",\"slaMinutes\":{\"LOW\":\"soon\"}}",
                adminToken, etag);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("detail").asString()).contains("slaMinutes");

        assertThat(api.get(SETTINGS, adminToken).header("ETag")).as("nothing changed").isEqualTo(etag);
    }
}
