package org.vigil.patients.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link PatientConsent}; row-level security scopes it to the current organization. */
public interface PatientConsentRepository extends JpaRepository<PatientConsent, String> {

    List<PatientConsent> findByPatientIdOrderByConsentedOnDescCreatedAtDesc(String patientId);
}
