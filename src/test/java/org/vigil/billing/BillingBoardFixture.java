package org.vigil.billing;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.vigil.shared.Ids;
import org.vigil.support.TestData;

/**
 * Two RPM patients of a clinic (time zone UTC) in November 2025 (2025 rules: 16 days, 20 minutes):
 * Grace Hopper with readings on 16 days and 25 minutes of staff time (99453, 99454 and 99457
 * billable), Ada Lovelace with readings on 12 days and 14 minutes (nothing billable yet).
 */
final class BillingBoardFixture {

    final TestData data;
    final String clinic;
    final String grace;
    final String ada;
    final String physician;
    final String nurse;
    final String metric;
    String graceEnrollment;
    String adaEnrollment;

    BillingBoardFixture(TestData data) {
        this.data = data;
        clinic = data.organization();
        data.platformUpdate("UPDATE organizations SET time_zone = 'UTC' WHERE id = ?", clinic);
        physician = data.clinician(clinic);
        data.platformUpdate("UPDATE clinicians SET credentials = 'MD', npi_number = '1234567893' WHERE id = ?", physician);
        nurse = data.clinician(clinic);
        data.platformUpdate("UPDATE clinicians SET credentials = 'RN' WHERE id = ?", nurse);
        metric = data.metric(clinic);
        String program = data.careProgram(clinic);
        grace = patient("Grace", "Hopper", "MRN-G1");
        graceEnrollment = enroll(grace, program);
        ada = patient("Ada", "Lovelace", "MRN-A1");
        adaEnrollment = enroll(ada, program);
        for (int day = 1; day <= 16; day++) {
            reading(grace, graceEnrollment, day);
        }
        timeLog(grace, graceEnrollment, 10, 25);
        for (int day = 1; day <= 12; day++) {
            reading(ada, adaEnrollment, day);
        }
        timeLog(ada, adaEnrollment, 11, 14);
    }

    static Timestamp utc(int year, int month, int day, int hour) {
        return Timestamp.from(LocalDateTime.of(year, month, day, hour, 0).toInstant(ZoneOffset.UTC));
    }

    String patient(String first, String last, String mrn) {
        String id = data.patient(clinic, mrn);
        data.platformUpdate("UPDATE patients SET first_name = ?, last_name = ?, "
                + "insurance_info = '{\"type\": \"MEDICARE_PART_B\"}'::jsonb WHERE id = ?", first, last, id);
        data.platformUpdate("INSERT INTO patient_diagnoses (id, organization_id, patient_id, icd10_code, label, is_primary) "
                + "VALUES (?, ?, ?, 'I10', 'Hypertension', true)", Ids.newId(), clinic, id);
        data.platformUpdate("INSERT INTO patient_consents (id, organization_id, patient_id, type, program_type, consented_on, "
                + "method, cost_sharing_acknowledged) VALUES (?, ?, ?, 'PROGRAM', 'REMOTE_PATIENT_MONITORING', ?, 'WRITTEN', true)",
                Ids.newId(), clinic, id, LocalDate.of(2025, 10, 20));
        return id;
    }

    private String enroll(String patient, String program) {
        return enroll(patient, program, "CMS_RPM_2025", utc(2025, 11, 1, 8));
    }

    String enroll(String patient, String careProgram, String billingProgram, Timestamp start) {
        String enrollment = data.enrollment(clinic, patient, physician, careProgram);
        data.platformUpdate("UPDATE enrollments SET billing_program_id = (SELECT id FROM billing_programs WHERE code = ?), "
                + "start_date = ? WHERE id = ?", billingProgram, start, enrollment);
        return enrollment;
    }

    private void reading(String patient, String enrollment, int day) {
        reading(patient, enrollment, utc(2025, 11, day, 12));
    }

    void reading(String patient, String enrollment, Timestamp at) {
        data.platformUpdate("INSERT INTO observations (id, organization_id, patient_id, enrollment_id, metric_id, value, source, "
                + "recorded_at) VALUES (?, ?, ?, ?, ?, '120'::jsonb, 'DEVICE', ?)", Ids.newId(), clinic, patient, enrollment, metric, at);
        // Written with SQL, not through ingestion: the daily rollup billing reads (V90) is rebuilt.
        data.rebuildDailyRollup(clinic);
    }

    void timeLog(String patient, String enrollment, int day, int minutes) {
        Timestamp at = utc(2025, 11, day, 10);
        data.platformUpdate("INSERT INTO time_logs (id, organization_id, patient_id, clinician_id, enrollment_id, activity, duration, "
                + "billable, interactive_communication, started_at, logged_at) VALUES (?, ?, ?, ?, ?, 'CALL_PATIENT', ?, true, true, ?, ?)",
                Ids.newId(), clinic, patient, nurse, enrollment, minutes, at, at);
    }
}
