package org.vigil.patients.internal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Repository of {@link CareProgram}; row-level security scopes every query to the current organization. */
public interface CareProgramRepository extends JpaRepository<CareProgram, String>, JpaSpecificationExecutor<CareProgram> {

    boolean existsByNameIgnoreCaseAndIdNot(String name, String id);
}
