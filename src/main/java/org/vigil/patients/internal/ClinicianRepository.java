package org.vigil.patients.internal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Repository of {@link Clinician}; row-level security scopes every query to the current organization. */
public interface ClinicianRepository extends JpaRepository<Clinician, String>, JpaSpecificationExecutor<Clinician> {

    boolean existsByEmailIgnoreCaseAndIdNot(String email, String id);

    boolean existsByNpiNumberAndIdNot(String npiNumber, String id);

    boolean existsByUserIdAndIdNot(String userId, String id);
}
