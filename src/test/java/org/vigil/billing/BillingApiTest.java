package org.vigil.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
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

/**
 * The billing API over real HTTP and PostgreSQL: an RPM patient of a Los Angeles clinic in November
 * 2025 (2025 rules: 16 days), readiness, summary, the claims CSV against a file checked by hand,
 * and closing the month.
 */
@VigilIntegrationTest
class BillingApiTest {

    static final ZoneId LA = ZoneId.of("America/Los_Angeles");

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired Accounts accounts;

    Api api;
    String clinic;
    String biller;
    String patient;
    String enrollment;
    String nurse;
    String metric;
    String physician;

    static java.sql.Timestamp la(int year, int month, int day, int hour, int minute) {
        return java.sql.Timestamp.from(ZonedDateTime.of(LocalDateTime.of(year, month, day, hour, minute), LA).toInstant());
    }

    @BeforeEach
    void anRpmPatientInLosAngeles() {
        api = new Api(port);
        clinic = data.organization();
        data.platformUpdate("UPDATE organizations SET time_zone = 'America/Los_Angeles' WHERE id = ?", clinic);
        biller = accounts.signIn(api, accounts.member(clinic, "BILLING_ADMIN"), clinic);
        patient = data.patient(clinic, null);
        data.platformUpdate("UPDATE patients SET insurance_info = '{\"type\": \"MEDICARE_PART_B\"}'::jsonb WHERE id = ?", patient);
        data.platformUpdate("INSERT INTO patient_diagnoses (id, organization_id, patient_id, icd10_code, label, is_primary) "
                + "VALUES (?, ?, ?, 'E11.9', 'Type 2 diabetes', false), (?, ?, ?, 'I10', 'Hypertension', true)",
                Ids.newId(), clinic, patient, Ids.newId(), clinic, patient);
        data.platformUpdate("INSERT INTO patient_consents (id, organization_id, patient_id, type, program_type, consented_on, "
                + "method, cost_sharing_acknowledged) VALUES (?, ?, ?, 'PROGRAM', 'REMOTE_PATIENT_MONITORING', ?, 'WRITTEN', true)",
                Ids.newId(), clinic, patient, LocalDate.of(2025, 10, 20));
        physician = data.clinician(clinic);
        data.platformUpdate("UPDATE clinicians SET credentials = 'MD', npi_number = '1234567893' WHERE id = ?", physician);
        nurse = data.clinician(clinic);
        data.platformUpdate("UPDATE clinicians SET credentials = 'RN' WHERE id = ?", nurse);
        enrollment = data.enrollment(clinic, patient, physician, data.careProgram(clinic));
        data.platformUpdate("UPDATE enrollments SET billing_program_id = (SELECT id FROM billing_programs WHERE code = 'CMS_RPM_2025'), "
                + "start_date = ? WHERE id = ?", la(2025, 11, 1, 8, 0), enrollment);
        metric = data.metric(clinic);
        // Device readings on 1–15 November and one at 23:30 on 30 November, Los Angeles time (07:30 UTC on 1 December):
        // 16 days in the period 1–30 November only when days are counted in the clinic's zone.
        for (int day = 1; day <= 15; day++) {
            reading("DEVICE", la(2025, 11, day, 9, 0));
        }
        reading("DEVICE", la(2025, 11, 30, 23, 30));
        // Typed-in readings never count for RPM.
        for (int day = 16; day <= 29; day++) {
            reading("MANUAL", la(2025, 11, day, 9, 0));
        }
        // Written with SQL, not through ingestion: billing counts days from the daily rollup.
        data.rebuildDailyRollup(clinic);
        timeLog(nurse, la(2025, 11, 10, 10, 0), 25, true);
    }

    void reading(String source, java.sql.Timestamp at) {
        data.platformUpdate("INSERT INTO observations (id, organization_id, patient_id, enrollment_id, metric_id, value, source, "
                + "recorded_at) VALUES (?, ?, ?, ?, ?, '120'::jsonb, ?, ?)", Ids.newId(), clinic, patient, enrollment, metric, source, at);
    }

    void timeLog(String clinician, java.sql.Timestamp at, int minutes, boolean interactive) {
        data.platformUpdate("INSERT INTO time_logs (id, organization_id, patient_id, clinician_id, enrollment_id, activity, duration, "
                + "billable, interactive_communication, started_at, logged_at) VALUES (?, ?, ?, ?, ?, 'CALL_PATIENT', ?, true, ?, ?, ?)",
                Ids.newId(), clinic, patient, clinician, enrollment, minutes, interactive, at, at);
    }

    static JsonNode code(JsonNode enrollmentReadiness, String code) {
        for (JsonNode c : enrollmentReadiness.get("codes")) {
            if (c.get("code").asString().equals(code)) {
                return c;
            }
        }
        throw new AssertionError("no " + code);
    }

    @Test
    void readinessCountsDaysInTheClinicsTimeZone() {
        Api.Response response = api.get("/api/v1/billing/patients/" + patient + "/readiness?month=2025-11", biller);
        assertThat(response.status()).isEqualTo(200);
        JsonNode e = response.json().get("enrollments").get(0);
        assertThat(e.get("enrollmentId").asString()).isEqualTo(enrollment);
        assertThat(e.get("eligible").asBoolean()).isTrue();
        JsonNode device = code(e, "99454");
        assertThat(device.get("status").asString()).isEqualTo("MET");
        assertThat(device.get("reason").asString()).startsWith("16 days with qualifying data in the period 1 Nov–30 Nov");
        assertThat(device.get("dateOfService").asString()).isEqualTo("2025-11-30");
        assertThat(device.get("amount").decimalValue()).isEqualByComparingTo("43.02");
        assertThat(device.get("rateTable").asString()).isEqualTo("CMS_PFS_2025_NATIONAL");
        assertThat(code(e, "99453").get("status").asString()).isEqualTo("MET");
        assertThat(code(e, "99457").get("status").asString()).isEqualTo("MET");
        assertThat(code(e, "99458").get("shortfall").isNull()).isTrue();
        assertThat(e.get("expectedAmount").decimalValue()).isEqualByComparingTo("110.62");

        // The organization view returns the same, and each call is audited with the patients it returned.
        Api.Response all = api.get("/api/v1/billing/readiness?month=2025-11", biller);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().get("totalItems").asInt()).isEqualTo(1);
        assertThat(all.json().get("items").get(0).get("expectedAmount").decimalValue()).isEqualByComparingTo("110.62");
        assertThat(data.platformQuery("SELECT count(*) FROM audit_logs WHERE organization_id = ? AND action = 'SEARCH' "
                + "AND resource_type = 'BillingReadiness' AND jsonb_exists(details -> 'returned', ?)", clinic, patient)).isEqualTo(2);

        // December: the reading at 23:30 on 30 November is not December's.
        Api.Response december = api.get("/api/v1/billing/patients/" + patient + "/readiness?month=2025-12", biller);
        JsonNode decDevice = code(december.json().get("enrollments").get(0), "99454");
        assertThat(decDevice.get("reason").asString()).startsWith("0 days with qualifying data in the period 1 Dec–30 Dec");
    }

    @Test
    void summaryAndClaimsExport() throws IOException {
        Api.Response summary = api.get("/api/v1/billing/summary?month=2025-11", biller);
        assertThat(summary.status()).isEqualTo(200);
        JsonNode s = summary.json();
        assertThat(s.get("billablePatients").asInt()).isEqualTo(1);
        assertThat(s.get("expectedRevenue").decimalValue()).isEqualByComparingTo("110.62");
        List<String> codes = new ArrayList<>();
        s.get("byCode").forEach(c -> codes.add(c.get("code").asString() + ":" + c.get("patients").asInt()));
        assertThat(codes).containsExactly("99453:1", "99454:1", "99457:1");

        Api.Response csv = api.get("/api/v1/billing/claims.csv?month=2025-11", biller);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String expected;
        try (InputStream in = getClass().getResourceAsStream("/billing/claims-2025-11.csv")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{patient}", patient)
                    .replace("{enrollment}", enrollment).replace("\n", "\r\n");
        }
        assertThat(csv.body()).isEqualTo(expected);
    }

    @Test
    void aClosedMonthNeverChangesAndLaterDataShowsAsADifference() {
        assertThat(api.post("/api/v1/billing/period-closes?month=2026-12", "{}", biller).status())
                .as("a month that has not ended").isEqualTo(409);
        assertThat(api.get("/api/v1/billing/period-closes?month=2025-11", biller).status()).isEqualTo(404);
        Api.Response closed = api.post("/api/v1/billing/period-closes?month=2025-11", "{}", biller);
        assertThat(closed.status()).isEqualTo(201);
        assertThat(closed.json().get("totalAmount").decimalValue()).isEqualByComparingTo("110.62");
        assertThat(closed.json().get("lines")).hasSize(3);
        assertThat(api.post("/api/v1/billing/period-closes?month=2025-11", "{}", biller).status()).isEqualTo(409);

        // 20 more minutes logged late: 99458 is now billable, but the closed snapshot stays as it was.
        timeLog(nurse, la(2025, 11, 20, 10, 0), 20, false);
        Api.Response later = api.get("/api/v1/billing/period-closes?month=2025-11", biller);
        assertThat(later.status()).isEqualTo(200);
        assertThat(later.json().get("lines")).hasSize(3);
        assertThat(later.json().get("totalAmount").decimalValue()).isEqualByComparingTo("110.62");
        JsonNode difference = later.json().get("differences").get(0);
        assertThat(later.json().get("differences")).hasSize(1);
        assertThat(difference.get("kind").asString()).isEqualTo("ADDED");
        assertThat(difference.get("now").get("code").asString()).isEqualTo("99458");
        assertThatThrownBy(() -> data.platformUpdate("UPDATE billing_period_closes SET total_amount = 0 WHERE organization_id = ?",
                clinic)).hasMessageContaining("immutable");
    }

    @Test
    void everyPageOfTheOrganizationViewIsASliceOfTheWholeList() {
        // Two more patients, one with two RPM enrollments, so that pages of 1 and 2 items split a patient's
        // enrollments between pages (the page evaluates only its own patients, each one whole).
        List<String> more = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String p = data.patient(clinic, null);
            for (int k = 0; k <= i; k++) {
                String e = data.enrollment(clinic, p, physician, data.careProgram(clinic));
                data.platformUpdate("UPDATE enrollments SET billing_program_id = (SELECT id FROM billing_programs "
                        + "WHERE code = 'CMS_RPM_2025'), start_date = ? WHERE id = ?", la(2025, 11, 2 + k, 8, 0), e);
                more.add(e);
            }
        }
        JsonNode whole = api.get("/api/v1/billing/readiness?month=2025-11&size=100", biller).json();
        assertThat(whole.get("totalItems").asInt()).isEqualTo(4);
        for (int size : new int[] {1, 2, 3}) {
            List<JsonNode> paged = new ArrayList<>();
            for (int page = 0; page * size < 4; page++) {
                JsonNode body = api.get("/api/v1/billing/readiness?month=2025-11&size=" + size + "&page=" + page, biller).json();
                assertThat(body.get("totalItems").asInt()).isEqualTo(4);
                body.get("items").forEach(paged::add);
            }
            List<JsonNode> all = new ArrayList<>();
            whole.get("items").forEach(all::add);
            assertThat(paged).as("pages of " + size).isEqualTo(all);
        }
    }

    @Test
    void anotherOrganizationsPatientIsNotFound() {
        String other = data.organization();
        String outsider = accounts.signIn(api, accounts.member(other, "BILLING_ADMIN"), other);
        Api.Response theirs = api.get("/api/v1/billing/patients/" + patient + "/readiness?month=2025-11", outsider);
        Api.Response nobodys = api.get("/api/v1/billing/patients/" + Ids.newId() + "/readiness?month=2025-11", outsider);
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(nobodys.status()).isEqualTo(404);
        Api.Response summary = api.get("/api/v1/billing/summary?month=2025-11", outsider);
        assertThat(summary.json().get("patients").asInt()).isZero();
        assertThat(api.get("/api/v1/billing/readiness?month=11-2025", biller).status()).isEqualTo(400);
    }
}
