package org.vigil.patients;

import java.util.Collection;
import java.util.List;
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

    private final JdbcTemplate jdbc;

    PatientDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PatientRef> find(String patientId) {
        return jdbc.query("SELECT id, is_active FROM patients WHERE id = ?",
                (rs, n) -> new PatientRef(rs.getString(1), rs.getBoolean(2)), patientId).stream().findFirst();
    }

    /** The visible patients among these ids, in one query (another organization's are simply absent). */
    public List<PatientRef> findAll(Collection<String> patientIds) {
        return jdbc.query("SELECT id, is_active FROM patients WHERE id = ANY (?)",
                (rs, n) -> new PatientRef(rs.getString(1), rs.getBoolean(2)), (Object) patientIds.toArray(String[]::new));
    }
}
