package org.vigil.library.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link ConditionPresetDiagnosis}; row-level security scopes every query to the current organization. */
public interface ConditionPresetDiagnosisRepository extends JpaRepository<ConditionPresetDiagnosis, String> {
}
