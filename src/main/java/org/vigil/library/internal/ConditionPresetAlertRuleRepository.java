package org.vigil.library.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link ConditionPresetAlertRule}; row-level security scopes every query to the current organization. */
public interface ConditionPresetAlertRuleRepository extends JpaRepository<ConditionPresetAlertRule, String> {
}
