package org.vigil.patients.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link Clinician}; row-level security scopes every query to the current organization. */
public interface ClinicianRepository extends JpaRepository<Clinician, String> {
}
