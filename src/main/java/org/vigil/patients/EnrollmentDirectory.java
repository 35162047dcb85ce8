package org.vigil.patients;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ACTIVE enrollments of patients, as other modules need them: ingestion attributes a reading to
 * an enrollment, the alert evaluator takes the rules of the enrollment's condition preset, its
 * clinician and the start of monitoring. Call inside the caller's {@code TenantScope}.
 */
@Component
public class EnrollmentDirectory {

    /** An active enrollment: whose, which clinician, which condition preset (or none), since when. */
    public record ActiveEnrollment(String id, String patientId, String clinicianId, String conditionPresetId,
            Instant startDate) {
    }

    private final JdbcTemplate jdbc;

    EnrollmentDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The active enrollments of these patients (one query), oldest start first. */
    public List<ActiveEnrollment> activeOf(Collection<String> patientIds) {
        if (patientIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT id, patient_id, clinician_id, condition_preset_id, start_date FROM enrollments "
                + "WHERE patient_id = ANY (?) AND status = 'ACTIVE' ORDER BY start_date, id",
                (rs, n) -> new ActiveEnrollment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()),
                (Object) patientIds.toArray(String[]::new));
    }

    /** Every active enrollment of the organization (the missing-data check). */
    public List<ActiveEnrollment> allActive() {
        return jdbc.query("SELECT id, patient_id, clinician_id, condition_preset_id, start_date FROM enrollments "
                + "WHERE status = 'ACTIVE' ORDER BY start_date, id",
                (rs, n) -> new ActiveEnrollment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()));
    }
}
