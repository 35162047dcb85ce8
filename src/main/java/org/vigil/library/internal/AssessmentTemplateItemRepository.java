package org.vigil.library.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link AssessmentTemplateItem}; row-level security scopes every query to the current organization. */
public interface AssessmentTemplateItemRepository extends JpaRepository<AssessmentTemplateItem, String> {
}
