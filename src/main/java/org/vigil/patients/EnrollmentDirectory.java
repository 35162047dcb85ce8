package org.vigil.patients;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The visible patients among some ids, whether each is active (another organization's are
     * simply absent), and their active enrollments, oldest start first.
     */
    public record PatientsAndEnrollments(Map<String, Boolean> activeByPatient, List<ActiveEnrollment> enrollments) {
    }

    private final JdbcTemplate jdbc;

    EnrollmentDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The patients among these ids with whether each is active, and {@link #activeOf} them, in one
     * query (ingestion needs both for every transaction of readings: one round trip, not two).
     */
    public PatientsAndEnrollments patientsWithActiveEnrollments(Collection<String> patientIds) {
        Map<String, Boolean> active = new HashMap<>();
        List<ActiveEnrollment> enrollments = new ArrayList<>();
        if (patientIds.isEmpty()) {
            return new PatientsAndEnrollments(active, enrollments);
        }
        jdbc.query("SELECT p.id, p.is_active, e.id, e.clinician_id, e.condition_preset_id, e.start_date "
                + "FROM patients p LEFT JOIN enrollments e ON e.patient_id = p.id AND e.status = 'ACTIVE' "
                + "WHERE p.id = ANY (?) ORDER BY e.start_date, e.id", (ResultSet rs) -> {
                    active.put(rs.getString(1), rs.getBoolean(2));
                    if (rs.getString(3) != null) {
                        enrollments.add(new ActiveEnrollment(rs.getString(3), rs.getString(1), rs.getString(4),
                                rs.getString(5), rs.getTimestamp(6).toInstant()));
                    }
                }, (Object) patientIds.toArray(String[]::new));
        return new PatientsAndEnrollments(active, enrollments);
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
