package org.vigil.patients.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link PatientDiagnosis}; row-level security scopes it to the current organization. */
public interface PatientDiagnosisRepository extends JpaRepository<PatientDiagnosis, String> {

    List<PatientDiagnosis> findByPatientIdOrderByIsPrimaryDescCreatedAtAsc(String patientId);
}
