package org.vigil.monitoring.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link Assessment}; row-level security scopes every query to the current organization. */
public interface AssessmentRepository extends JpaRepository<Assessment, String> {
}
