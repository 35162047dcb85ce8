package org.vigil.support;

import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.vigil.shared.Ids;
import org.vigil.tenancy.PlatformScope;

/**
 * Creates the rows tests need through the platform-administration path (plain SQL, so the
 * fixtures do not depend on the code under test). Every organization gets a fresh id, so tests
 * never see each other's data.
 */
@Component
public class TestData {

    private final JdbcTemplate jdbc;
    private final PlatformScope platform;

    TestData(JdbcTemplate jdbc, PlatformScope platform) {
        this.jdbc = jdbc;
        this.platform = platform;
    }

    public String organization() {
        String id = Ids.newId();
        insert("INSERT INTO organizations (id, name, type) VALUES (?, ?, 'CLINIC')", id, "Clinic " + id);
        return id;
    }

    public String user() {
        String id = Ids.newId();
        insert("INSERT INTO users (id, email) VALUES (?, ?)", id, id + "@example.test");
        return id;
    }

    public String membership(String organizationId, String userId) {
        String id = Ids.newId();
        insert("INSERT INTO user_organizations (id, user_id, organization_id, role) VALUES (?, ?, ?, 'NURSE')",
                id, userId, organizationId);
        return id;
    }

    public String patient(String organizationId, String medicalRecordNumber) {
        String id = Ids.newId();
        insert("INSERT INTO patients (id, organization_id, medical_record_number, first_name, last_name, date_of_birth) "
                + "VALUES (?, ?, ?, 'Test', 'Patient', ?)", id, organizationId, medicalRecordNumber, LocalDate.of(1950, 3, 1));
        return id;
    }

    public String clinician(String organizationId) {
        String id = Ids.newId();
        insert("INSERT INTO clinicians (id, organization_id, first_name, last_name, email) VALUES (?, ?, 'Dana', 'Doe', ?)",
                id, organizationId, id + "@clinic.test");
        return id;
    }

    public String careProgram(String organizationId) {
        String id = Ids.newId();
        insert("INSERT INTO care_programs (id, organization_id, name, type) VALUES (?, ?, ?, 'REMOTE_PATIENT_MONITORING')",
                id, organizationId, "RPM " + id);
        return id;
    }

    public String enrollment(String organizationId, String patientId, String clinicianId, String careProgramId) {
        String id = Ids.newId();
        insert("INSERT INTO enrollments (id, organization_id, patient_id, clinician_id, care_program_id, start_date) "
                + "VALUES (?, ?, ?, ?, ?, now())", id, organizationId, patientId, clinicianId, careProgramId);
        return id;
    }

    /** A metric definition: standardized when {@code organizationId} is null, else the organization's own. */
    public String metric(String organizationId) {
        String id = Ids.newId();
        insert("INSERT INTO metric_definitions (id, organization_id, key, display_name, value_type, is_standardized) "
                + "VALUES (?, ?, ?, 'Test metric', 'NUMERIC', ?)", id, organizationId, "m_" + id, organizationId == null);
        return id;
    }

    public String template(String organizationId) {
        String id = Ids.newId();
        insert("INSERT INTO assessment_templates (id, organization_id, name, is_standardized) VALUES (?, ?, ?, ?)",
                id, organizationId, "Template " + id, organizationId == null);
        return id;
    }

    public String alertRule(String organizationId) {
        String id = Ids.newId();
        insert("INSERT INTO alert_rules (id, organization_id, name, severity, conditions, is_standardized) "
                + "VALUES (?, ?, ?, 'HIGH', '{}'::jsonb, ?)", id, organizationId, "Rule " + id, organizationId == null);
        return id;
    }

    public String conditionPreset(String organizationId) {
        String id = Ids.newId();
        insert("INSERT INTO condition_presets (id, organization_id, name, is_standardized) VALUES (?, ?, ?, ?)",
                id, organizationId, "Preset " + id, organizationId == null);
        return id;
    }

    public String billingProgram() {
        String id = Ids.newId();
        insert("INSERT INTO billing_programs (id, name, code, program_type, effective_date, eligibility_rules) "
                + "VALUES (?, ?, ?, 'RPM', now(), '[]'::jsonb)", id, "Program " + id, "P_" + id);
        return id;
    }

    private void insert(String sql, Object... arguments) {
        platform.run(null, "test fixture", () -> jdbc.update(sql, arguments));
    }
}
