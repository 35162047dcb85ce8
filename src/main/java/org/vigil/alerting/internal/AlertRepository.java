package org.vigil.alerting.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link Alert}; row-level security scopes every query to the current organization. */
public interface AlertRepository extends JpaRepository<Alert, String> {
}
