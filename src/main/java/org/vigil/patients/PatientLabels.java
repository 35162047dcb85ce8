package org.vigil.patients;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How other modules' screens name a patient (the triage queue, the dashboard): name, record number
 * and date of birth, for many patients in one query. Call inside the caller's {@code TenantScope}
 * (row-level security: another organization's patients are simply absent) and audit the read in
 * the screen's own audit entry.
 */
@Component
public class PatientLabels {

    public record Label(String id, String firstName, String lastName, String medicalRecordNumber,
            LocalDate dateOfBirth, boolean active) {

        /** "Last, First". */
        public String displayName() {
            return lastName + ", " + firstName;
        }
    }

    private final JdbcTemplate jdbc;

    PatientLabels(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The visible patients among these ids, by id. */
    public Map<String, Label> of(Collection<String> patientIds) {
        Map<String, Label> labels = new LinkedHashMap<>();
        if (patientIds.isEmpty()) {
            return labels;
        }
        jdbc.query("SELECT id, first_name, last_name, medical_record_number, date_of_birth, is_active FROM patients "
                + "WHERE id = ANY (?)", rs -> {
                    labels.put(rs.getString(1), new Label(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getObject(5, LocalDate.class), rs.getBoolean(6)));
                }, (Object) patientIds.stream().distinct().toArray(String[]::new));
        return labels;
    }
}
