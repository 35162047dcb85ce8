package org.vigil.patients;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What other modules may ask about a patient. Call it inside the caller's {@code TenantScope}:
 * row-level security makes another organization's patient indistinguishable from a missing one.
 */
@Component
public class PatientDirectory {

    /** A patient as other modules see it: whether active, and nothing personal. */
    public record PatientRef(String id, boolean active) {
    }

    /** The clinician profile a user works as (linked explicitly, never by email). */
    public record ClinicianRef(String id, boolean active) {
    }

    /** An enrollment of a patient: its care program and status. */
    public record EnrollmentRef(String id, String patientId, String careProgramId, String status) {
    }

    private final JdbcTemplate jdbc;

    PatientDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The clinician linked to this user in the current organization, if any. */
    public Optional<ClinicianRef> clinicianOf(String userId) {
        return jdbc.query("SELECT id, is_active FROM clinicians WHERE user_id = ?",
                (rs, n) -> new ClinicianRef(rs.getString(1), rs.getBoolean(2)), userId).stream().findFirst();
    }

    /**
     * The billing capacity of the ACTIVE clinician profile linked to this user in the current
     * organization, from its credentials; empty when the user has no active profile or no known
     * credential.
     */
    public Optional<BillingCapacity> capacityOf(String userId) {
        return jdbc.query("SELECT credentials FROM clinicians WHERE user_id = ? AND is_active",
                (rs, n) -> Optional.ofNullable(rs.getString(1)), userId).stream().findFirst()
                .flatMap(credentials -> credentials.flatMap(org.vigil.patients.internal.Credentials::capacity));
    }

    /** The patient's ACTIVE enrollments. */
    public java.util.List<EnrollmentRef> activeEnrollments(String patientId) {
        return jdbc.query("SELECT id, patient_id, care_program_id, status FROM enrollments WHERE patient_id = ? "
                + "AND status = 'ACTIVE' ORDER BY start_date, id", (rs, n) -> new EnrollmentRef(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4)), patientId);
    }

    /** One enrollment by id, if it exists in the current organization. */
    public Optional<EnrollmentRef> enrollment(String enrollmentId) {
        return jdbc.query("SELECT id, patient_id, care_program_id, status FROM enrollments WHERE id = ?",
                (rs, n) -> new EnrollmentRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                enrollmentId).stream().findFirst();
    }

    /** The patient's own alert thresholds, by override key (rules name them; a missing key uses the default). */
    public java.util.Map<String, java.math.BigDecimal> thresholdOverrides(String patientId) {
        java.util.Map<String, java.math.BigDecimal> overrides = new java.util.HashMap<>();
        jdbc.query("SELECT key, value FROM patient_threshold_overrides WHERE patient_id = ?",
                rs -> {
                    overrides.put(rs.getString(1), rs.getBigDecimal(2));
                }, patientId);
        return overrides;
    }

    public Optional<PatientRef> find(String patientId) {
        return jdbc.query("SELECT id, is_active FROM patients WHERE id = ?",
                (rs, n) -> new PatientRef(rs.getString(1), rs.getBoolean(2)), patientId).stream().findFirst();
    }
}
