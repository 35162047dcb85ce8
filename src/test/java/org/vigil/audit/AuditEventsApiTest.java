package org.vigil.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.shared.Ids;
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Searching and exporting the organization's audit log, over real HTTP. */
@VigilIntegrationTest
class AuditEventsApiTest {

    static final String EVENTS = "/api/v1/audit-events";
    static final Instant START = Instant.parse("2024-03-01T08:00:00Z");
    static final String AWKWARD_AGENT = "Agent \"quoted\", with comma\r\nand a second line";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;

    Api api;
    String clinic;
    String otherClinic;
    Accounts.Account admin;
    Accounts.Account stranger;
    String adminToken;
    String auditorToken;
    String nurseToken;

    /** Five TEST_EVENT entries an hour apart in the clinic (resource record-0..4), one in another clinic. */
    @BeforeEach
    void twoClinicsWithTheirOwnAuditTrails() {
        api = new Api(port);
        clinic = data.organization();
        otherClinic = data.organization();
        admin = accounts.member(clinic, "ORG_ADMIN");
        adminToken = accounts.signIn(api, admin, clinic);
        auditorToken = accounts.signIn(api, accounts.member(clinic, "AUDITOR"), clinic);
        nurseToken = accounts.signIn(api, accounts.member(clinic, "NURSE"), clinic);
        stranger = accounts.member(otherClinic, "ORG_ADMIN");
        accounts.signIn(api, stranger, otherClinic);
        for (int i = 0; i < 5; i++) {
            entry(clinic, admin.userId(), "record-" + i, START.plusSeconds(3600L * i), i == 4 ? AWKWARD_AGENT : "=cmd|calc");
        }
        entry(otherClinic, stranger.userId(), "record-0", START, "theirs");
    }

    private void entry(String organizationId, String userId, String resourceId, Instant at, String userAgent) {
        data.platformUpdate("INSERT INTO audit_logs (id, organization_id, user_id, action, resource_type, resource_id, "
                + "user_agent, details, created_at) VALUES (?, ?, ?, 'TEST_EVENT', 'patient', ?, ?, "
                + "'{\"changedFields\": [\"phone\"]}'::jsonb, ?)", Ids.newId(), organizationId, userId, resourceId,
                userAgent, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    private List<String> resourceIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("resourceId").asString()));
        return ids;
    }

    @Test
    void filtersNarrowTheSearchNewestFirst() {
        Api.Response all = api.get(EVENTS + "?action=TEST_EVENT", auditorToken);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().get("totalItems").asLong()).as("the other clinic's entry never appears").isEqualTo(5);
        assertThat(resourceIds(all.json())).containsExactly("record-4", "record-3", "record-2", "record-1", "record-0");
        assertThat(all.json().get("items").get(0).get("details").get("changedFields").get(0).asString()).isEqualTo("phone");

        JsonNode window = api.get(EVENTS + "?action=TEST_EVENT&from=2024-03-01T09:00:00Z&to=2024-03-01T11:00:00Z",
                auditorToken).json();
        assertThat(resourceIds(window)).containsExactly("record-3", "record-2", "record-1");

        JsonNode byResource = api.get(EVENTS + "?resourceType=patient&resourceId=record-2", auditorToken).json();
        assertThat(resourceIds(byResource)).containsExactly("record-2");

        JsonNode logins = api.get(EVENTS + "?action=LOGIN_SUCCESS&userId=" + admin.userId(), adminToken).json();
        assertThat(logins.get("totalItems").asLong()).isOne();
        JsonNode strangers = api.get(EVENTS + "?userId=" + stranger.userId(), adminToken).json();
        assertThat(strangers.get("totalItems").asLong()).as("another organization's sign-ins stay theirs").isZero();
    }

    @Test
    void pagesHoldAtMost200Entries() {
        JsonNode first = api.get(EVENTS + "?action=TEST_EVENT&size=2", auditorToken).json();
        JsonNode third = api.get(EVENTS + "?action=TEST_EVENT&size=2&page=2", auditorToken).json();
        assertThat(resourceIds(first)).containsExactly("record-4", "record-3");
        assertThat(resourceIds(third)).containsExactly("record-0");
        assertThat(third.get("totalItems").asLong()).isEqualTo(5);

        Api.Response tooBig = api.get(EVENTS + "?size=201", auditorToken);
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.contentType()).startsWith("application/problem+json");
        assertThat(tooBig.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
        assertThat(api.get(EVENTS + "?size=200", auditorToken).status()).isEqualTo(200);
    }

    @Test
    void badParametersAreA400ProblemNamingThem() {
        Api.Response badFrom = api.get(EVENTS + "?from=yesterday", auditorToken);
        assertThat(badFrom.status()).isEqualTo(400);
        assertThat(badFrom.contentType()).startsWith("application/problem+json");
        assertThat(badFrom.json().get("errors").get(0).get("field").asString()).isEqualTo("from");

        Api.Response badTo = api.get(EVENTS + ".csv?to=2024-13-45", auditorToken);
        assertThat(badTo.status()).isEqualTo(400);
        assertThat(badTo.json().get("errors").get(0).get("field").asString()).isEqualTo("to");

        Api.Response badPage = api.get(EVENTS + "?page=first", auditorToken);
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badPage.json().get("errors").get(0).get("field").asString()).isEqualTo("page");
        assertThat(badPage.body()).doesNotContain("first");
    }

    @Test
    void theCsvExportParsesBackToTheSameEntries() {
        Api.Response csv = api.get(EVENTS + ".csv?action=TEST_EVENT", auditorToken);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<List<String>> rows = Rfc4180.parse(csv.body());
        assertThat(rows.get(0)).containsExactly("id", "createdAt", "userId", "action", "resourceType", "resourceId",
                "patientId", "outcome", "ipAddress", "userAgent", "hipaaRelevant", "details");
        assertThat(rows).hasSize(6);
        assertThat(rows.get(1).get(5)).isEqualTo("record-4");
        assertThat(rows.get(1).get(6)).as("these entries name no patient").isEmpty();
        assertThat(rows.get(1).get(9)).as("quotes, comma and line break survive").isEqualTo(AWKWARD_AGENT);
        assertThat(rows.get(1).get(1)).isEqualTo("2024-03-01T12:00:00Z");
        assertThat(rows.get(1).get(11)).isEqualTo("{\"changedFields\":[\"phone\"]}");
        assertThat(rows.get(2).get(9)).as("a formula is defused").isEqualTo("'=cmd|calc");
        assertThat(rows.subList(1, 6)).allSatisfy(row -> assertThat(row.get(2)).isEqualTo(admin.userId()));
    }

    @Test
    void onlyMembersWithAuditReadMaySearch() {
        assertThat(api.get(EVENTS, auditorToken).status()).isEqualTo(200);
        assertThat(api.get(EVENTS, adminToken).status()).isEqualTo(200);
        Api.Response nurse = api.get(EVENTS, nurseToken);
        assertThat(nurse.status()).isEqualTo(403);
        assertThat(nurse.contentType()).startsWith("application/problem+json");
        assertThat(api.get(EVENTS + ".csv", nurseToken).status()).isEqualTo(403);
        assertThat(api.get(EVENTS + ".csv", null).status()).isEqualTo(401);
    }

    /** A strict RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF records. */
    static final class Rfc4180 {
        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    i++;
                } else {
                    field.append(c);
                }
            }
            assertThat(field).as("the last record ends with CRLF").isEmpty();
            return rows;
        }
    }
}
