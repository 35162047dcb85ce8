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

    private final org.springframework.security.crypto.password.PasswordEncoder passwordEncoder;

    TestData(JdbcTemplate jdbc, PlatformScope platform,
            org.springframework.security.crypto.password.PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.platform = platform;
        this.passwordEncoder = passwordEncoder;
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
        return membership(organizationId, userId, "NURSE");
    }

    public String membership(String organizationId, String userId, String role) {
        String id = Ids.newId();
        insert("INSERT INTO user_organizations (id, user_id, organization_id, role) VALUES (?, ?, ?, ?)",
                id, userId, organizationId, role);
        return id;
    }

    /** A user who can sign in with this password (hashed with the application's encoder). */
    public String userWithPassword(String email, String password) {
        String id = Ids.newId();
        insert("INSERT INTO users (id, email, password_hash, email_verified) VALUES (?, ?, ?, true)",
                id, email.toLowerCase(java.util.Locale.ROOT), passwordEncoder.encode(password));
        return id;
    }

    /** Runs any statement as platform administration (e.g. to deactivate something mid-test). */
    public int platformUpdate(String sql, Object... arguments) {
        return platform.call(null, "test fixture", () -> jdbc.update(sql, arguments));
    }

    /** Reads one number as platform administration (to check rows of any organization). */
    public Integer platformQuery(String sql, Object... arguments) {
        return platform.call(null, "test check", () -> jdbc.queryForObject(sql, Integer.class, arguments));
    }

    /**
     * Rolls up the organization's readings written with plain SQL into {@code observation_daily}
     * (ingestion maintains it for the readings it writes): rebuilds the organization's rollup (V90).
     */
    public void rebuildDailyRollup(String organizationId) {
        platform.call(null, "test fixture", () -> jdbc.queryForList("SELECT vigil_rebuild_observation_daily(?)", organizationId));
    }

    /** Reads one text value as platform administration. */
    public String platformString(String sql, Object... arguments) {
        return platform.call(null, "test check", () -> jdbc.queryForObject(sql, String.class, arguments));
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
