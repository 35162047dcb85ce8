package org.vigil.patients.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link Patient}; row-level security scopes every query to the current organization. */
public interface PatientRepository extends JpaRepository<Patient, String>,
        org.springframework.data.jpa.repository.JpaSpecificationExecutor<Patient> {
}
