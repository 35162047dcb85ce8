package org.vigil.monitoring.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link MedicationAdherence}; row-level security scopes every query to the current organization. */
public interface MedicationAdherenceRepository extends JpaRepository<MedicationAdherence, String> {
}
