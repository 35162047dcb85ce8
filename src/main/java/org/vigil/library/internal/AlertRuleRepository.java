package org.vigil.library.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link AlertRule}; row-level security scopes every query to the current organization. */
public interface AlertRuleRepository extends JpaRepository<AlertRule, String> {
}
