package org.vigil.library.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link ConditionPresetTemplate}; row-level security scopes every query to the current organization. */
public interface ConditionPresetTemplateRepository extends JpaRepository<ConditionPresetTemplate, String> {
}
