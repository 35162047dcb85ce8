package org.vigil.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.support.Accounts;
import org.vigil.support.Browser;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;

/**
 * The billing board of a demo-sized clinic (50 RPM patients with 40 days of daily readings and
 * time logs): the render times are logged for comparison with the target (under 300 ms server-side
 * on an idle machine); the test fails only on a gross regression (a median over 3 s, such as queries
 * per patient), since the shared test machine's load makes tighter bounds flaky.
 */
@VigilIntegrationTest
class BillingBoardTimingTest {

    private static final Logger log = LoggerFactory.getLogger(BillingBoardTimingTest.class);

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;

    @Test
    void fiftyPatientsRenderQuickly() {
        BillingBoardFixture clinic = new BillingBoardFixture(data);
        String org = clinic.clinic;
        String careProgram = data.careProgram(org);
        data.platformUpdate("INSERT INTO patients (id, organization_id, medical_record_number, first_name, last_name, date_of_birth, "
                + "insurance_info) SELECT 'perf-' || ? || '-' || g, ?, 'MRN-P' || g, 'Pat' || g, 'Timing', DATE '1950-01-01', "
                + "'{\"type\": \"MEDICARE_PART_B\"}'::jsonb FROM generate_series(1, 50) g", org, org);
        data.platformUpdate("INSERT INTO patient_diagnoses (id, organization_id, patient_id, icd10_code, label, is_primary) "
                + "SELECT 'dx-' || id, organization_id, id, 'I10', 'Hypertension', true FROM patients WHERE id LIKE 'perf-' || ? || '-%'",
                org);
        data.platformUpdate("INSERT INTO patient_consents (id, organization_id, patient_id, type, program_type, consented_on, method, "
                + "cost_sharing_acknowledged) SELECT 'c-' || id, organization_id, id, 'PROGRAM', 'REMOTE_PATIENT_MONITORING', "
                + "DATE '2025-01-01', 'WRITTEN', true FROM patients WHERE id LIKE 'perf-' || ? || '-%'", org);
        data.platformUpdate("INSERT INTO enrollments (id, organization_id, patient_id, clinician_id, care_program_id, start_date, "
                + "billing_program_id) SELECT 'e-' || id, organization_id, id, ?, ?, now() - interval '40 days', "
                + "(SELECT id FROM billing_programs WHERE code = 'CMS_RPM_2026') FROM patients WHERE id LIKE 'perf-' || ? || '-%'",
                clinic.physician, careProgram, org);
        data.platformUpdate("INSERT INTO observations (id, organization_id, patient_id, enrollment_id, metric_id, value, source, "
                + "recorded_at) SELECT 'o-' || p.id || '-' || d, p.organization_id, p.id, 'e-' || p.id, ?, '120'::jsonb, 'DEVICE', "
                + "now() - make_interval(days => d) FROM patients p, generate_series(0, 39) d "
                + "WHERE p.id LIKE 'perf-' || ? || '-%' AND (d + length(p.id)) % 5 <> 0", clinic.metric, org);
        data.platformUpdate("INSERT INTO time_logs (id, organization_id, patient_id, clinician_id, enrollment_id, activity, duration, "
                + "billable, interactive_communication, started_at, logged_at) SELECT 't-' || p.id || '-' || d, p.organization_id, p.id, "
                + "?, 'e-' || p.id, 'CALL_PATIENT', 7, true, true, now() - make_interval(days => d), now() - make_interval(days => d) "
                + "FROM patients p, generate_series(0, 20, 5) d WHERE p.id LIKE 'perf-' || ? || '-%'", clinic.nurse, org);

        Browser browser = new Browser(port);
        Accounts.Account biller = accounts.member(org, "BILLING_ADMIN");
        Browser.Page login = browser.get("/login");
        browser.post("/login", Map.of("email", biller.email(), "password", Accounts.PASSWORD, "_csrf", login.csrf()));
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            long start = System.nanoTime();
            Browser.Page board = browser.get("/billing");
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(board.status()).isEqualTo(200);
            assertThat(board.text()).contains("Timing, Pat1", "Page 1 of");
        }
        List<Long> warm = millis.subList(3, millis.size()).stream().sorted().toList();
        log.info("Billing board of 52 patients: {} ms per render (first three warm-up)", millis);
        org.vigil.support.Api api = new org.vigil.support.Api(port);
        String token = accounts.signIn(api, biller, org);
        List<Long> summary = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            assertThat(api.get("/api/v1/billing/summary", token).status()).isEqualTo(200);
            summary.add((System.nanoTime() - start) / 1_000_000);
        }
        List<Long> filtered = new ArrayList<>();
        List<Long> home = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            assertThat(browser.get("/billing?status=BLOCKED").status()).isEqualTo(200);
            filtered.add((System.nanoTime() - start) / 1_000_000);
            start = System.nanoTime();
            assertThat(browser.get("/account").status()).isEqualTo(200);
            home.add((System.nanoTime() - start) / 1_000_000);
        }
        log.info("The board with no rows (filter BLOCKED): {} ms; the account page: {} ms", filtered, home);
        log.info("For comparison, the API's month summary (the same evaluation, no page): {} ms", summary);
        assertThat(warm.get(warm.size() / 2)).as("median render, ms").isLessThan(3000);
    }
}
