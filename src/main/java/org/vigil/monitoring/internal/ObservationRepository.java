package org.vigil.monitoring.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link Observation}; row-level security scopes every query to the current organization. */
public interface ObservationRepository extends JpaRepository<Observation, String> {
}
