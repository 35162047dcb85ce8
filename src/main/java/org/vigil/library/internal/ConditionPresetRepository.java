package org.vigil.library.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link ConditionPreset}; row-level security scopes every query to the current organization. */
public interface ConditionPresetRepository extends JpaRepository<ConditionPreset, String> {
}
