package org.vigil.carework.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link TimeLog}; row-level security scopes every query to the current organization. */
public interface TimeLogRepository extends JpaRepository<TimeLog, String> {
}
