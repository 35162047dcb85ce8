package org.vigil.monitoring.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link PatientMedication}; row-level security scopes every query to the current organization. */
public interface PatientMedicationRepository extends JpaRepository<PatientMedication, String> {
}
