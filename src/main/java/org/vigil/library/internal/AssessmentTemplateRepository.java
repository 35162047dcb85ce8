package org.vigil.library.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link AssessmentTemplate}; row-level security scopes every query to the current organization. */
public interface AssessmentTemplateRepository extends JpaRepository<AssessmentTemplate, String> {
}
