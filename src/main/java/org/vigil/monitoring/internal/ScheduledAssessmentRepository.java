package org.vigil.monitoring.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link ScheduledAssessment}; row-level security scopes every query to the current organization. */
public interface ScheduledAssessmentRepository extends JpaRepository<ScheduledAssessment, String> {
}
