package org.vigil.patients.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link Enrollment}; row-level security scopes every query to the current organization. */
public interface EnrollmentRepository extends JpaRepository<Enrollment, String> {
}
